package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ReviewState;
import java.util.Arrays;
import java.util.List;
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
    MODELS_DISAGREE("Models disagree"),
    /** The photos of one cell of the Evaluation view's confusion matrix; set by clicking the cell, not chosen. */
    EVALUATION_CELL("Evaluation cell");

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
            case EVALUATION_CELL -> row -> settings.cellFiles().contains(row.file());
        };
    }

    /** The filters a reviewer picks from the filter bar: all but the one the Evaluation view sets. */
    static List<RowFilter> choosable() {
        return Arrays.stream(values()).filter(filter -> filter != EVALUATION_CELL).toList();
    }

    /** The filters that sort photos by the model's answers, which blinded reading keeps from the reviewer. */
    boolean showsAnswers() {
        return this == LOW_CONFIDENCE || this == LABEL || this == MODELS_DISAGREE || this == EVALUATION_CELL;
    }

    /** The filters a reviewer picks in blinded reading: none that would tell the model's answer. */
    static List<RowFilter> choosableBlind() {
        return Arrays.stream(values()).filter(filter -> !filter.showsAnswers()).toList();
    }

    @Override
    public String toString() {
        return title;
    }
}
