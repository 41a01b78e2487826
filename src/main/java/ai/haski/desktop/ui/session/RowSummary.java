package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.HeadSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the session screen keeps about its rows besides the rows: where each photo's row is, the status bar's
 * counts, the heads seen (one pair of columns each) and each head's top labels (the label filter's choices). Built
 * off the UI thread when a session opens: for 10,000 rows that pass cost the UI thread half a second on the first
 * open, while the code was not yet compiled.
 */
final class RowSummary {
    final Map<Long, Integer> index = new HashMap<>();
    final SessionCounts counts = new SessionCounts();
    final List<String> heads = new ArrayList<>();
    final Map<String, Set<String>> labels = new HashMap<>();

    static RowSummary of(List<ReviewRow> rows) {
        RowSummary summary = new RowSummary();
        for (int i = 0; i < rows.size(); i++) {
            ReviewRow row = rows.get(i);
            summary.index.put(row.photoId(), i);
            summary.counts.add(row);
            summary.note(row);
        }
        return summary;
    }

    /** Notes the row's heads and top labels; true when it had a label not seen before. */
    boolean note(ReviewRow row) {
        boolean added = false;
        for (HeadSummary head : row.result().map(r -> r.heads()).orElse(List.of())) {
            if (!heads.contains(head.head())) {
                heads.add(head.head());
            }
            added |= labels.computeIfAbsent(head.head(), h -> new TreeSet<>()).add(head.topLabel());
        }
        return added;
    }
}
