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
    LOW_CONFIDENCE("Confidence below threshold");

    private final String title;

    RowFilter(String title) {
        this.title = title;
    }

    /** The rows this filter keeps, given the confidence threshold (0 to 1). */
    Predicate<ReviewRow> predicate(double threshold) {
        return switch (this) {
            case ALL -> row -> true;
            case UNREVIEWED -> row -> row.reviewState() == ReviewState.UNREVIEWED;
            case REVIEWED -> row -> row.reviewState() == ReviewState.ACCEPTED
                    || row.reviewState() == ReviewState.OVERRIDDEN;
            case FLAGGED -> ReviewRow::flagged;
            case ERRORS -> row -> !row.error().isEmpty();
            case LOW_CONFIDENCE -> row -> row.lowestConfidence() < threshold;
        };
    }

    @Override
    public String toString() {
        return title;
    }
}
