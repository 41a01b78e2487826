package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.HeadSummary;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.PhotoRow;
import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.StoredResult;
import java.util.List;
import java.util.Optional;

/**
 * One line of the session table: a photo, where it stands in review, and its result from the active model (or its
 * latest result when the active model has none). Holds no pixels; a new instance replaces the old one on change.
 */
public record ReviewRow(Photo photo, ReviewState reviewState, Optional<StoredResult> result, String conditions,
        String quality) {

    /**
     * A row whose conditions and photo quality are read from the result once, here, not each time a cell is drawn
     * or sorted.
     */
    ReviewRow(Photo photo, ReviewState reviewState, Optional<StoredResult> result) {
        this(photo, reviewState, result, conditionsOf(result), qualityOf(result));
    }

    static ReviewRow of(PhotoRow row, Optional<ai.haski.desktop.session.ModelKey> preferred) {
        List<StoredResult> results = row.results();
        Optional<StoredResult> chosen = preferred.flatMap(model -> results.stream()
                .filter(r -> r.model().equals(model)).findFirst());
        if (chosen.isEmpty() && !results.isEmpty()) {
            chosen = Optional.of(results.get(results.size() - 1));
        }
        return new ReviewRow(row.photo(), row.reviewState(), chosen);
    }

    public long photoId() {
        return photo.id();
    }

    public String file() {
        return photo.relativePath();
    }

    public Optional<HeadSummary> head(String name) {
        return result.flatMap(r -> r.head(name));
    }

    /** The head's top label, or empty text when there is no result for it. */
    public String label(String head) {
        return head(head).map(HeadSummary::topLabel).orElse("");
    }

    /** The head's top probability, or -1 when there is no result for it (sorts first). */
    public double confidence(String head) {
        return head(head).map(HeadSummary::topProbability).orElse(-1.0);
    }

    /** The lowest top probability over all heads; 2 when there is no successful result. */
    public double lowestConfidence() {
        return result.filter(StoredResult::succeeded).map(r -> r.heads().stream()
                .mapToDouble(HeadSummary::topProbability).min().orElse(2)).orElse(2.0);
    }

    public boolean flagged() {
        return reviewState == ReviewState.FLAGGED;
    }

    /** The findings of heads that report conditions, as the stored result lists them; empty text when none. */
    private static String conditionsOf(Optional<StoredResult> result) {
        return result.filter(StoredResult::succeeded).map(r -> {
            StringBuilder text = new StringBuilder();
            r.outcome().path("conditions_detected").forEach(item -> text.append(text.length() == 0 ? "" : "; ")
                    .append(item.isTextual() ? item.asText() : item.path("label").asText(item.toString())));
            return text.toString();
        }).orElse("");
    }

    /**
     * "good", the problems' codes in lower case ("too dark, blurred") for a poor photo, or empty text when the result
     * has no quality (a failure, a result stored before quality was measured).
     */
    private static String qualityOf(Optional<StoredResult> result) {
        return result.filter(StoredResult::succeeded).flatMap(r -> r.qualityVerdict().map(verdict ->
                verdict.equals("poor") ? String.join(", ", r.qualityProblems().stream()
                        .map(code -> code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList()) : verdict))
                .orElse("");
    }

    /** Whether the photo's quality is poor (blurred, too dark, ...). */
    public boolean poorQuality() {
        return !quality.isEmpty() && !quality.equals("good");
    }

    /** The error code of a failed analysis, or empty text. */
    public String error() {
        return result.flatMap(StoredResult::errorCode).orElse("");
    }

    public boolean analysed() {
        return result.isPresent();
    }

    public boolean reviewable() {
        return result.map(StoredResult::succeeded).orElse(false);
    }

    ReviewRow withState(ReviewState state) {
        return new ReviewRow(photo, state, result, conditions, quality);
    }

    ReviewRow withResult(StoredResult stored) {
        return new ReviewRow(photo, reviewState, Optional.of(stored));
    }
}
