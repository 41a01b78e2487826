package ai.haski.desktop.cli;

import ai.haski.desktop.session.ModelKey;
import java.util.List;
import java.util.Locale;

/** Picks the session's models a {@code --model} value names: by id, by ID:FORMAT, or by a SHA-256 prefix. */
final class ModelChoice {
    private ModelChoice() {}

    /**
     * The named model, or every model when {@code named} is null.
     *
     * @throws IllegalArgumentException listing the session's models, when none or several fit, or there are none
     */
    static List<ModelKey> choose(List<ModelKey> models, String named) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("the session has no results yet; run `review` on its folder first");
        }
        if (named == null) {
            return models;
        }
        String wanted = named.strip().toLowerCase(Locale.ROOT);
        List<ModelKey> fit = models.stream().filter(m -> m.modelId().equalsIgnoreCase(wanted)
                || (m.modelId() + ":" + m.format()).equalsIgnoreCase(wanted)
                || (wanted.length() >= 6 && m.sha256().toLowerCase(Locale.ROOT).startsWith(wanted))).toList();
        if (fit.size() == 1) {
            return fit;
        }
        String known = String.join("; ", models.stream().map(ModelKey::describe).toList());
        if (fit.isEmpty()) {
            throw new IllegalArgumentException("the session has no results from a model \"" + named
                    + "\"; its models: " + known);
        }
        throw new IllegalArgumentException("\"" + named + "\" fits " + fit.size() + " models of the session ("
                + String.join("; ", fit.stream().map(ModelKey::describe).toList())
                + "); give ID:FORMAT or the start of the SHA-256");
    }
}
