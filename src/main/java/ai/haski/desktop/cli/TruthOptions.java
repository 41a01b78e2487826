package ai.haski.desktop.cli;

import ai.haski.desktop.session.evaluation.VerdictRule;

/** {@code --reviewer NAME} and {@code --rule latest|majority}: whose verdicts make the truth. */
final class TruthOptions {
    private TruthOptions() {}

    /**
     * The rule the two options ask for: one reviewer, or the rule (latest when neither is given).
     *
     * @throws IllegalArgumentException (a usage error) for both at once, an empty name or an unknown rule
     */
    static VerdictRule verdictRule(String reviewer, String rule) {
        if (reviewer != null && rule != null) {
            throw new IllegalArgumentException("give --reviewer NAME (one reviewer's verdicts) or --rule "
                    + "latest|majority (several reviewers'), not both");
        }
        if (reviewer != null) {
            if (reviewer.isBlank()) {
                throw new IllegalArgumentException("--reviewer needs a name");
            }
            return VerdictRule.reviewer(reviewer.strip());
        }
        if (rule == null) {
            return VerdictRule.latest();
        }
        return VerdictRule.ofName(rule).orElseThrow(() -> new IllegalArgumentException(
                "--rule must be latest or majority, found \"" + rule + "\""));
    }
}
