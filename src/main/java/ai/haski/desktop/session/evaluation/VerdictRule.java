package ai.haski.desktop.session.evaluation;

import java.util.Locale;
import java.util.Optional;

/**
 * Which reviewers' verdicts make the truth: one named reviewer's, the latest verdict whoever gave it, or the label
 * most reviewers gave (each reviewer's own latest verdict counting once).
 */
public record VerdictRule(Kind kind, Optional<String> reviewer) {
    /** How verdicts of several reviewers become one truth. */
    public enum Kind {
        REVIEWER, LATEST, MAJORITY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static VerdictRule reviewer(String name) {
        return new VerdictRule(Kind.REVIEWER, Optional.of(name));
    }

    public static VerdictRule latest() {
        return new VerdictRule(Kind.LATEST, Optional.empty());
    }

    public static VerdictRule majority() {
        return new VerdictRule(Kind.MAJORITY, Optional.empty());
    }

    /** The rule named {@code latest} or {@code majority} (any case). */
    public static Optional<VerdictRule> ofName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "latest" -> Optional.of(latest());
            case "majority" -> Optional.of(majority());
            default -> Optional.empty();
        };
    }
}
