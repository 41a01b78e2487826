package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The truth from the session's own verdicts. An accepted head's truth is the label the model gave (the verdict
 * records it); an overridden head's is the reviewer's label; a head nobody reviewed has no truth.
 *
 * <p>Accepted labels come from a model the reviewer was looking at, so this truth leans towards that model; see
 * docs/EVALUATION.md before comparing it with another model on the same verdicts.
 */
public final class VerdictTruth {
    private VerdictTruth() {}

    public static GroundTruth of(Session session, VerdictRule rule) throws SessionException {
        return of(ReaderVerdicts.read(session), rule, false);
    }

    /**
     * The truth from the verdicts given blind only (blinded reading: before the reviewer saw the model's answer),
     * when {@code blindOnly}; which removes the lean towards the model that accepted verdicts have.
     */
    public static GroundTruth of(Session session, VerdictRule rule, boolean blindOnly) throws SessionException {
        return of(ReaderVerdicts.read(session, blindOnly), rule, blindOnly);
    }

    static GroundTruth of(ReaderVerdicts verdicts, VerdictRule rule) {
        return of(verdicts, rule, false);
    }

    private static GroundTruth of(ReaderVerdicts verdicts, VerdictRule rule, boolean blindOnly) {
        Map<String, Map<String, String>> truth = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        verdicts.byPhoto().forEach((file, heads) -> heads.forEach((head, current) ->
                choose(current, rule).ifPresentOrElse(
                        label -> truth.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(head, label),
                        () -> {
                            if (rule.kind() == VerdictRule.Kind.MAJORITY) {
                                problems.add(file + ": " + head + " left out, the reviewers are tied ("
                                        + describe(current) + ")");
                            }
                        })));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rule", rule.kind().id());
        rule.reviewer().ifPresent(name -> details.put("reviewer", name));
        if (blindOnly) {
            details.put("blind", "only");
        }
        return new GroundTruth("verdicts", details, truth, problems);
    }

    private static Optional<String> choose(List<Verdict> current, VerdictRule rule) {
        return switch (rule.kind()) {
            case REVIEWER -> current.stream().filter(v -> v.reviewer().equals(rule.reviewer().orElseThrow()))
                    .map(Verdict::label).findFirst();
            case LATEST -> current.stream().reduce((a, b) -> b).map(Verdict::label);
            case MAJORITY -> majority(current);
        };
    }

    /** The label with strictly the most votes; none when the top is shared, since a tie is no majority. */
    private static Optional<String> majority(List<Verdict> current) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        current.forEach(v -> votes.merge(v.label(), 1, Integer::sum));
        int most = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> leaders = votes.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey)
                .toList();
        return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    }

    private static String describe(List<Verdict> current) {
        return String.join(", ", current.stream().map(v -> v.reviewer() + ": " + v.label()).toList());
    }
}
