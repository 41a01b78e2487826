package ai.haski.desktop.session;

import java.util.List;

/** One line of a photo listing: the photo, its review state, and its result from each model (one per model). */
public record PhotoRow(Photo photo, ReviewState reviewState, List<StoredResult> results) {
    public PhotoRow {
        results = List.copyOf(results);
    }

    /** Whether any model failed to analyse the photo. */
    public boolean hasFailure() {
        return results.stream().anyMatch(result -> !result.succeeded());
    }
}
