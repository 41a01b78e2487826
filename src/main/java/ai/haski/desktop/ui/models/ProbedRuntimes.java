package ai.haski.desktop.ui.models;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.RuntimeStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each runtime said about itself when probed (its version, or why it cannot load here), and the runtime
 * picker's entries built from that.
 */
final class ProbedRuntimes {
    private final Map<ModelFormat, RuntimeStatus> statuses;

    private ProbedRuntimes(Map<ModelFormat, RuntimeStatus> statuses) {
        this.statuses = statuses;
    }

    /** Before the probe: every runtime is named by its format alone. */
    static ProbedRuntimes notYet() {
        return new ProbedRuntimes(new EnumMap<>(ModelFormat.class));
    }

    /** Asks every runtime whether it loads here; slow (native libraries load), so call in the background. */
    static ProbedRuntimes probe(Engine engine) {
        Map<ModelFormat, RuntimeStatus> found = new EnumMap<>(ModelFormat.class);
        for (ModelFormat format : ModelFormat.values()) {
            found.put(format, engine.runtime(format));
        }
        return new ProbedRuntimes(found);
    }

    /** Each runtime with its version, or why it cannot load here; for the About box. */
    String summary() {
        if (statuses.isEmpty()) {
            return "not probed yet";
        }
        return String.join("; ", statuses.values().stream().map(status -> status.describe()
                + status.unavailableReason().map(reason -> " (unavailable: " + reason + ")").orElse("")).toList());
    }

    /** "Automatic (prefers ONNX Runtime)", the package's first choice, then each format it ships, in order. */
    List<RuntimeChoice> choicesFor(ModelPackage pkg) {
        List<RuntimeChoice> choices = new ArrayList<>();
        List<ModelFormat> preference = pkg.manifest().backendPreference();
        choices.add(new RuntimeChoice(Optional.empty(), "Automatic (prefers " + name(preference.get(0)) + ")",
                Optional.empty()));
        for (ModelFormat format : ModelFormat.values()) {
            if (!pkg.manifest().weights().containsKey(format)) {
                continue;
            }
            RuntimeStatus status = statuses.get(format);
            String label = status == null ? format.id() : status.describe() + " (" + format.id() + ")";
            choices.add(new RuntimeChoice(Optional.of(format), label,
                    status == null ? Optional.empty() : status.unavailableReason()));
        }
        return choices;
    }

    private String name(ModelFormat format) {
        RuntimeStatus status = statuses.get(format);
        return status == null ? format.id() : status.runtime();
    }
}
