package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ReviewState;
import java.util.function.Predicate;

/** The table's filters: which photos the reviewer wants to see. */
public enum RowFilter {
    ALL("All photos"),
    UNREVIEWED("Unreviewed"),
    REVIEWED("Reviewed"),
    FLAGGED("Flagged"),
    ERRORS("Failed analysis"),
    LOW_CONFIDENCE("Confidence below threshold"),
    POOR_QUALITY("Poor photo quality"),
    LABEL("Label is"),
    MODELS_DISAGREE("Models disagree");

    private final String title;

    RowFilter(String title) {
        this.title = title;
    }

    /** The rows this filter keeps, given the filters' settings. */
    Predicate<ReviewRow> predicate(FilterSettings settings) {
        return switch (this) {
            case ALL -> row -> true;
            case UNREVIEWED -> row -> row.reviewState() == ReviewState.UNREVIEWED;
            case REVIEWED -> row -> row.reviewState() == ReviewState.ACCEPTED
                    || row.reviewState() == ReviewState.OVERRIDDEN;
            case FLAGGED -> ReviewRow::flagged;
            case ERRORS -> row -> !row.error().isEmpty();
            case LOW_CONFIDENCE -> row -> row.lowestConfidence() < settings.threshold();
            case POOR_QUALITY -> ReviewRow::poorQuality;
            // Until a head and a label are chosen the filter keeps nothing: "label is (nothing)" matches no photo.
            case LABEL -> row -> settings.head() != null && settings.label() != null
                    && settings.label().equals(row.label(settings.head()));
            case MODELS_DISAGREE -> row -> settings.disagreements().containsKey(row.photoId());
        };
    }

    @Override
    public String toString() {
        return title;
    }
}
