package ai.haski.desktop.inference;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns TensorFlow Lite's words for a model it cannot build into what the person who exported the model should do.
 * The common case is a converter newer than the runtime the app ships: the file names operators, or operator
 * versions, that the runtime has no kernel for.
 */
final class TfliteLoadFailure {
    private static final Pattern MISSING_VERSION = Pattern.compile(
            "Didn't find op for builtin opcode '([A-Z0-9_]+)' version '(\\d+)'");
    private static final Pattern CUSTOM_OP = Pattern.compile("unresolved custom op: ([A-Za-z0-9_]+)");

    private TfliteLoadFailure() {}

    /** The message for a model {@code label} that the runtime {@code runtimeVersion} refused with {@code cause}. */
    static String explain(String label, String runtimeVersion, String cause) {
        String runtime = TfliteBackend.RUNTIME + " " + runtimeVersion;
        String detail = cause == null ? "" : cause;
        Matcher missing = MISSING_VERSION.matcher(detail);
        if (missing.find()) {
            return TfliteBackend.RUNTIME + " cannot load " + label + ": it uses operator " + missing.group(1)
                    + " version " + missing.group(2) + ", which " + runtime + " (the runtime Haski Desktop ships) "
                    + "does not have; the converter that wrote the file is newer than the runtime. Convert the model "
                    + "with TensorFlow 2.6 or older, or export the network to ONNX and import that file instead.";
        }
        Matcher custom = CUSTOM_OP.matcher(detail);
        if (custom.find()) {
            return TfliteBackend.RUNTIME + " cannot load " + label + ": it uses the custom operator "
                    + custom.group(1) + ", which " + runtime + " does not provide (operators taken from full "
                    + "TensorFlow, \"Flex\" ones, are not shipped). Convert with only the built-in operators "
                    + "(supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS]), or export the network to ONNX and import "
                    + "that file instead.";
        }
        return TfliteBackend.RUNTIME + " cannot load " + label + ": " + detail;
    }
}
