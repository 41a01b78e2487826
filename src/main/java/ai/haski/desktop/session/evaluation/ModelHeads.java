package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.HeadSummary;
import ai.haski.desktop.session.StoredResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's heads and each head's labels, in the manifest's order, as its stored results record them (every
 * successful result carries every label's probability, in that order). Empty for a model with no successful result.
 */
final class ModelHeads {
    private ModelHeads() {}

    static Map<String, List<String>> of(List<StoredResult> results) {
        Map<String, List<String>> heads = new LinkedHashMap<>();
        results.stream().filter(StoredResult::succeeded).findFirst().ifPresent(result -> {
            for (HeadSummary head : result.heads()) {
                heads.put(head.head(), result.labels(head.head()));
            }
        });
        return heads;
    }

    /** The union of several models' heads and labels, first seen first, to check a labels file against. */
    static Map<String, List<String>> union(List<Map<String, List<String>>> models) {
        Map<String, List<String>> union = new LinkedHashMap<>();
        for (Map<String, List<String>> model : models) {
            model.forEach((head, labels) -> {
                List<String> known = new java.util.ArrayList<>(union.getOrDefault(head, List.of()));
                labels.stream().filter(label -> !known.contains(label)).forEach(known::add);
                union.put(head, List.copyOf(known));
            });
        }
        return union;
    }
}
