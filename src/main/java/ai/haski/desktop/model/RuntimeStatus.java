package ai.haski.desktop.model;

import java.util.Optional;

/**
 * Whether a runtime can be used on this machine: its name and version, or why it cannot. A runtime this build
 * does not ship for the platform at all (TFLite on Windows) is told apart from one that should load but failed.
 */
public record RuntimeStatus(String runtime, String version, Optional<String> unavailableReason,
        boolean shippedForPlatform) {

    public static RuntimeStatus available(String runtime, String version) {
        return new RuntimeStatus(runtime, version, Optional.empty(), true);
    }

    /** The runtime is shipped for this platform but failed to load: something is broken. */
    public static RuntimeStatus failed(String runtime, String version, String reason) {
        return new RuntimeStatus(runtime, version, Optional.of(reason), true);
    }

    /** This build carries no library of the runtime for this platform: expected, not a fault. */
    public static RuntimeStatus notShipped(String runtime, String version, String reason) {
        return new RuntimeStatus(runtime, version, Optional.of(reason), false);
    }

    public boolean isAvailable() {
        return unavailableReason.isEmpty();
    }

    /** The runtime and version, e.g. {@code ONNX Runtime 1.23.2}. */
    public String describe() {
        return runtime + " " + version;
    }
}
