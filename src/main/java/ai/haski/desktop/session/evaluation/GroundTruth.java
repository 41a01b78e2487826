package ai.haski.desktop.session.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The true label of each photo and head, as the user chose to define it, with where it came from and what could
 * not be used. A photo or head with no truth is simply absent: it is left out of every statistic, never guessed.
 *
 * @param source {@code verdicts} or {@code labels}
 * @param details how the truth was chosen (the labels file, the reviewer or the rule), for the report
 * @param labels the truth: photo path (relative to the session folder) to head to label id
 * @param problems what was left out and why (unknown files or labels, tied majorities), one line each
 */
public record GroundTruth(String source, Map<String, String> details, Map<String, Map<String, String>> labels,
        List<String> problems) {

    public GroundTruth {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        labels.forEach((file, heads) -> copy.put(file, Map.copyOf(heads)));
        labels = Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }

    /** The true label of one photo's head, when there is one. */
    public Optional<String> label(String file, String head) {
        return Optional.ofNullable(labels.getOrDefault(file, Map.of()).get(head));
    }
}
