package ai.haski.desktop.inference;

import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.OutputSpec;
import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.WeightsSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares what the manifest promises with the tensors the runtime actually found in the weights file. */
final class ShapeCheck {
    private ShapeCheck() {}

    /**
     * Checks input and outputs and pairs each manifest output with the runtime's tensor: by name, or by position
     * when the names differ but the counts match (TFLite converters often rename tensors). An output the weights
     * spec splits into parts is paired with those tensors, by name, which must hold its values between them.
     *
     * @return runtime tensor names (one, or the parts in order) by manifest output name
     */
    static Map<String, List<String>> check(ModelPackage pkg, WeightsSpec weights, LoadedModel loaded, Path file)
            throws ModelLoadException {
        InputSpec input = pkg.manifest().input();
        List<TensorInfo> inputs = loaded.inputs();
        if (inputs.size() != 1) {
            throw new ModelLoadException(file + " has " + inputs.size() + " inputs " + inputs
                    + "; Haski models take exactly one image input");
        }
        TensorInfo actualInput = inputs.get(0);
        long[] expectedInput = input.shape(weights.layout());
        if (!compatible(expectedInput, actualInput.shape())) {
            throw new ModelLoadException(file + ": field 'input' with layout " + weights.layout() + " means shape "
                    + Arrays.toString(expectedInput) + " but the model's input " + actualInput.name() + " is "
                    + actualInput.shapeText() + "; fix input.width/height/layout or weights."
                    + weights.format().id() + ".layout");
        }
        checkType(actualInput, "input", weights, file);
        List<TensorInfo> outputs = loaded.outputs();
        List<OutputSpec> declared = pkg.manifest().outputs();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            OutputSpec expected = declared.get(i);
            List<String> parts = weights.outputParts().get(expected.name());
            if (parts != null) {
                names.put(expected.name(), checkParts(expected, parts, outputs, weights, file));
                continue;
            }
            Optional<TensorInfo> byName = outputs.stream().filter(o -> o.name().equals(expected.name())).findFirst();
            int position = i;
            TensorInfo actual = byName.or(() -> outputs.size() == declared.size()
                    ? Optional.of(outputs.get(position)) : Optional.empty())
                    .orElseThrow(() -> new ModelLoadException(file + ": field 'outputs[" + position + "]' names \""
                            + expected.name() + "\" but the model's outputs are " + outputs));
            if (!compatible(expected.shape(), actual.shape())) {
                throw new ModelLoadException(file + ": field 'outputs[" + position + "].shape' says "
                        + Arrays.toString(expected.shape()) + " but the model's output " + actual.name() + " is "
                        + actual.shapeText());
            }
            checkType(actual, "output", weights, file);
            names.put(expected.name(), List.of(actual.name()));
        }
        return names;
    }

    private static List<String> checkParts(OutputSpec expected, List<String> parts, List<TensorInfo> outputs,
            WeightsSpec weights, Path file) throws ModelLoadException {
        String field = "weights." + weights.format().id() + ".output_parts." + expected.name();
        long values = 0;
        for (String part : parts) {
            TensorInfo actual = outputs.stream().filter(o -> o.name().equals(part)).findFirst()
                    .orElseThrow(() -> new ModelLoadException(file + ": field '" + field + "' names \"" + part
                            + "\" but the model's outputs are " + outputs));
            long count = 1;
            for (long d : actual.shape()) {
                if (d < 0) {
                    throw new ModelLoadException(file + ": the model's output " + part + " is " + actual.shapeText()
                            + "; a part of an output must have a fixed shape");
                }
                count *= d;
            }
            checkType(actual, "output", weights, file);
            values += count;
        }
        if (values != expected.elementCount()) {
            throw new ModelLoadException(file + ": field '" + field + "' names tensors of " + values
                    + " values in all, but output " + expected.name() + " " + Arrays.toString(expected.shape())
                    + " holds " + expected.elementCount());
        }
        return List.copyOf(parts);
    }

    /**
     * The manifest's dtype (float32) is that of the values the app hands over and gets back. The tensor may be
     * float32, or for TFLite int8/uint8 with a scale and zero point, which convert those values.
     */
    private static void checkType(TensorInfo tensor, String role, WeightsSpec weights, Path file)
            throws ModelLoadException {
        String dtype = tensor.dtype();
        if (dtype.equals("float32")) {
            return;
        }
        boolean eightBit = dtype.equals("int8") || dtype.equals("uint8");
        String what = file + ": the model's " + role + " " + tensor.name() + " is " + dtype;
        if (weights.format() == ModelFormat.ONNX) {
            throw new ModelLoadException(what + "; the ONNX Runtime backend takes only float32 inputs and outputs"
                    + (eightBit ? " (quantised ONNX models are not supported; use TFLite weights for an int8 model)"
                    : ""));
        }
        if (!eightBit) {
            throw new ModelLoadException(what + "; the TFLite backend takes float32, or int8/uint8 with "
                    + "quantisation parameters");
        }
        if (!tensor.quantization().isPresent()) {
            throw new ModelLoadException(what + " without quantisation parameters (a scale and zero point), so "
                    + (role.equals("input") ? "the preprocessed float32 values cannot be quantised for it"
                    : "its values cannot be dequantised to float32")
                    + "; export the model with full-integer quantisation parameters on its " + role
                    + ", or with a float32 " + role);
        }
    }

    /** Equal shapes, where a runtime's -1 (dynamic axis) accepts any size. */
    private static boolean compatible(long[] expected, long[] actual) {
        if (expected.length != actual.length) {
            return false;
        }
        for (int d = 0; d < expected.length; d++) {
            if (actual[d] != -1 && actual[d] != expected[d]) {
                return false;
            }
        }
        return true;
    }
}
