package ai.haski.desktop.model;

import ai.haski.desktop.model.HeadSpec.Activation;
import ai.haski.desktop.model.HeadSpec.Mode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates a {@code model.json}. Every problem is reported with the file and the dotted path of the
 * field at fault, so that whoever wrote the manifest can fix it without guessing.
 */
public final class ManifestParser {
    /** The manifest format version this build understands. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private ManifestParser(Path file) {
        this.file = file;
    }

    /** Parses and validates the manifest at {@code file}. */
    public static ModelManifest parse(Path file) throws ModelPackageException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelPackageException(file, null, "cannot be read: " + e.getMessage(), e);
        }
        return parse(file, content);
    }

    /** Parses and validates manifest bytes; {@code file} only names them in messages. */
    static ModelManifest parse(Path file, byte[] content) throws ModelPackageException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            // Jackson's processing limits (nesting depth, number and string lengths) report no location.
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ModelPackageException(file, null, "is not valid JSON: " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new ModelPackageException(file, null, "cannot be read: " + e.getMessage(), e);
        }
        return new ManifestParser(file).manifest(root);
    }

    private ModelManifest manifest(JsonNode root) throws ModelPackageException {
        if (root == null || !root.isObject()) {
            throw error(null, "must be a JSON object");
        }
        int formatVersion = integer(root, "format_version", "format_version");
        if (formatVersion != FORMAT_VERSION) {
            throw error("format_version", "is " + formatVersion + " but this version of Haski Desktop reads "
                    + FORMAT_VERSION + "; update the application or re-export the package");
        }
        String id = text(root, "id", "id");
        if (!ID.matcher(id).matches()) {
            throw error("id", "must be lower-case letters, digits, '.', '_' or '-' (at most 64), found \"" + id + "\"");
        }
        InputSpec input = input(node(root, "input", "input"));
        List<OutputSpec> outputs = outputs(root);
        List<HeadSpec> heads = heads(root, outputs);
        Map<ModelFormat, WeightsSpec> weights = weights(node(root, "weights", "weights"), input.layout());
        return new ModelManifest(
                formatVersion,
                id,
                text(root, "name", "name"),
                text(root, "version", "version"),
                text(root, "description", "description"),
                text(root, "licence", "licence"),
                optionalTextList(root, "authors"),
                text(root, "intended_use", "intended_use"),
                bool(root, "clinical_use", "clinical_use"),
                optionalTextList(root, "warnings"),
                input,
                outputs,
                heads,
                weights,
                backendPreference(root, weights),
                testVector(node(root, "test_vector", "test_vector"), outputs));
    }

    private InputSpec input(JsonNode input) throws ModelPackageException {
        int channels = integer(input, "channels", "input.channels");
        if (channels != 3) {
            throw error("input.channels", "must be 3 (RGB or BGR), found " + channels);
        }
        String dtype = text(input, "dtype", "input.dtype");
        if (!dtype.equals("float32")) {
            throw error("input.dtype", "must be \"float32\", found \"" + dtype + "\"");
        }
        JsonNode pre = node(input, "preprocessing", "input.preprocessing");
        float[] mean = floats(pre, "mean", "input.preprocessing.mean", 3);
        float[] std = floats(pre, "std", "input.preprocessing.std", 3);
        for (int c = 0; c < 3; c++) {
            if (!(std[c] > 0)) {
                throw error("input.preprocessing.std", "must be positive, found " + std[c]);
            }
        }
        return new InputSpec(
                text(input, "name", "input.name"),
                enumValue(input, "layout", "input.layout", TensorLayout.class),
                positive(input, "width", "input.width"),
                positive(input, "height", "input.height"),
                channels,
                enumValue(input, "colour_order", "input.colour_order", ColourOrder.class),
                dtype,
                enumValue(pre, "resize", "input.preprocessing.resize", ResizeMode.class),
                bool(pre, "scale_to_unit", "input.preprocessing.scale_to_unit"),
                mean,
                std);
    }

    private List<OutputSpec> outputs(JsonNode root) throws ModelPackageException {
        JsonNode array = array(root, "outputs", "outputs");
        if (array.isEmpty()) {
            throw error("outputs", "must list at least one output tensor");
        }
        List<OutputSpec> outputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "outputs[" + i + "]";
            JsonNode output = array.get(i);
            String name = text(output, "name", at + ".name");
            if (!names.add(name)) {
                throw error(at + ".name", "repeats the output name \"" + name + "\"");
            }
            JsonNode shapeNode = array(output, "shape", at + ".shape");
            long[] shape = new long[shapeNode.size()];
            long values = 1;
            for (int d = 0; d < shape.length; d++) {
                if (!shapeNode.get(d).canConvertToLong() || shapeNode.get(d).asLong() <= 0) {
                    throw error(at + ".shape", "must hold positive integers, found " + shapeNode);
                }
                shape[d] = shapeNode.get(d).asLong();
                values = shape[d] > Integer.MAX_VALUE / values ? Long.MAX_VALUE : values * shape[d];
                if (values > Integer.MAX_VALUE) {
                    throw error(at + ".shape", "holds more than " + Integer.MAX_VALUE + " values, found " + shapeNode);
                }
            }
            String dtype = text(output, "dtype", at + ".dtype");
            if (!dtype.equals("float32")) {
                throw error(at + ".dtype", "must be \"float32\", found \"" + dtype + "\"");
            }
            outputs.add(new OutputSpec(name, shape, dtype));
        }
        return outputs;
    }

    private List<HeadSpec> heads(JsonNode root, List<OutputSpec> outputs) throws ModelPackageException {
        JsonNode array = array(root, "heads", "heads");
        if (array.isEmpty()) {
            throw error("heads", "must list at least one head");
        }
        List<HeadSpec> heads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "heads[" + i + "]";
            JsonNode head = array.get(i);
            String name = text(head, "name", at + ".name");
            if (!names.add(name)) {
                throw error(at + ".name", "repeats the head name \"" + name + "\"");
            }
            String outputName = text(head, "output", at + ".output");
            OutputSpec output = outputs.stream().filter(o -> o.name().equals(outputName)).findFirst()
                    .orElseThrow(() -> error(at + ".output", "names \"" + outputName
                            + "\", which is not one of the outputs " + outputs.stream().map(OutputSpec::name).toList()));
            int offset = integer(head, "offset", at + ".offset");
            int length = positive(head, "length", at + ".length");
            if (offset < 0 || offset + (long) length > output.elementCount()) {
                throw error(at + ".offset", "slice [" + offset + ", " + (offset + length) + ") does not fit output \""
                        + outputName + "\" of " + output.elementCount() + " values");
            }
            List<String> labels = textList(head, "labels", at + ".labels");
            if (labels.size() != length) {
                throw error(at + ".labels", "has " + labels.size() + " labels but the head's length is " + length);
            }
            if (new HashSet<>(labels).size() != labels.size()) {
                throw error(at + ".labels", "repeats a label: " + labels);
            }
            Mode mode = enumValue(head, "mode", at + ".mode", Mode.class);
            Activation activation = enumValue(head, "activation", at + ".activation", Activation.class);
            Optional<String> noneLabel = optionalText(head, "none_label", at + ".none_label");
            if (noneLabel.isPresent() && !labels.contains(noneLabel.get())) {
                throw error(at + ".none_label", "\"" + noneLabel.get() + "\" is not one of the labels " + labels);
            }
            float threshold = 0.5f;
            if (head.has("threshold")) {
                threshold = (float) number(head, "threshold", at + ".threshold");
                if (!(threshold > 0 && threshold < 1)) {
                    throw error(at + ".threshold", "must be between 0 and 1, found " + threshold);
                }
            }
            if (mode == Mode.MULTI_LABEL && activation == Activation.SOFTMAX) {
                throw error(at + ".activation", "softmax makes classes exclusive; a multi_label head needs sigmoid");
            }
            heads.add(new HeadSpec(name, outputName, offset, length, activation, mode, labels, noneLabel, threshold));
        }
        return heads;
    }

    private Map<ModelFormat, WeightsSpec> weights(JsonNode weights, TensorLayout defaultLayout)
            throws ModelPackageException {
        if (!weights.isObject() || weights.isEmpty()) {
            throw error("weights", "must name at least one weights file, e.g. {\"onnx\": {\"file\": ..., \"sha256\": ...}}");
        }
        Map<ModelFormat, WeightsSpec> result = new EnumMap<>(ModelFormat.class);
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) weights::fields) {
            String at = "weights." + entry.getKey();
            ModelFormat format = ModelFormat.fromId(entry.getKey()).orElseThrow(() -> error(at,
                    "is not a known format; use \"onnx\" or \"tflite\""));
            JsonNode spec = entry.getValue();
            String fileName = text(spec, "file", at + ".file");
            checkRelative(fileName, at + ".file");
            String sha = text(spec, "sha256", at + ".sha256").toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(sha).matches()) {
                throw error(at + ".sha256", "must be 64 hexadecimal digits, found \"" + sha + "\"");
            }
            TensorLayout layout = spec.has("layout")
                    ? enumValue(spec, "layout", at + ".layout", TensorLayout.class) : defaultLayout;
            result.put(format, new WeightsSpec(format, fileName, sha, layout));
        }
        return result;
    }

    private List<ModelFormat> backendPreference(JsonNode root, Map<ModelFormat, WeightsSpec> weights)
            throws ModelPackageException {
        List<ModelFormat> order = new ArrayList<>();
        if (root.has("backend_preference")) {
            for (String name : textList(root, "backend_preference", "backend_preference")) {
                ModelFormat format = ModelFormat.fromId(name).orElseThrow(() -> error("backend_preference",
                        "\"" + name + "\" is not a known format; use \"onnx\" or \"tflite\""));
                if (!weights.containsKey(format)) {
                    throw error("backend_preference", "lists \"" + name + "\" but weights has no such file");
                }
                if (!order.contains(format)) {
                    order.add(format);
                }
            }
        }
        // Formats the preference leaves out still serve as fallbacks, in the default order (ONNX first).
        for (ModelFormat format : ModelFormat.values()) {
            if (weights.containsKey(format) && !order.contains(format)) {
                order.add(format);
            }
        }
        return order;
    }

    private TestVector testVector(JsonNode vector, List<OutputSpec> outputs) throws ModelPackageException {
        String image = text(vector, "input_image", "test_vector.input_image");
        checkRelative(image, "test_vector.input_image");
        JsonNode expectedNode = node(vector, "expected", "test_vector.expected");
        Map<String, float[]> expected = new LinkedHashMap<>();
        for (OutputSpec output : outputs) {
            String at = "test_vector.expected." + output.name();
            if (!expectedNode.has(output.name())) {
                throw error(at, "is missing: the test vector needs the expected values of every output");
            }
            expected.put(output.name(), floats(expectedNode, output.name(), at, (int) output.elementCount()));
        }
        double tolerance = number(vector, "tolerance", "test_vector.tolerance");
        if (!(tolerance > 0 && tolerance <= 0.1)) {
            throw error("test_vector.tolerance", "must be above 0 and at most 0.1, found " + tolerance);
        }
        return new TestVector(image, expected, (float) tolerance);
    }

    private void checkRelative(String fileName, String field) throws ModelPackageException {
        Path path;
        try {
            path = Path.of(fileName);
        } catch (InvalidPathException e) {
            throw error(field, "is not a valid file name (" + e.getReason() + ")");
        }
        if (path.isAbsolute() || path.normalize().startsWith("..") || fileName.contains("\\")) {
            throw error(field, "must be a file inside the package folder, found \"" + fileName + "\"");
        }
    }

    private JsonNode node(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, "is missing");
        }
        if (!value.isObject()) {
            throw error(field, "must be a JSON object, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value;
    }

    private JsonNode array(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, "is missing");
        }
        if (!value.isArray()) {
            throw error(field, "must be a JSON array, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value;
    }

    private String text(JsonNode parent, String key, String field) throws ModelPackageException {
        return optionalText(parent, key, field).orElseThrow(() -> error(field, "is missing"));
    }

    private Optional<String> optionalText(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(field, "must be a non-empty string, found " + value);
        }
        return Optional.of(value.asText().trim());
    }

    private List<String> textList(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode array = array(parent, key, field);
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw error(field, "must hold non-empty strings, found " + item);
            }
            values.add(item.asText().trim());
        }
        return values;
    }

    private List<String> optionalTextList(JsonNode parent, String key) throws ModelPackageException {
        return parent.has(key) ? textList(parent, key, key) : List.of();
    }

    private boolean bool(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, "is missing");
        }
        if (!value.isBoolean()) {
            throw error(field, "must be true or false, found " + value);
        }
        return value.asBoolean();
    }

    private int integer(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, "is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(field, "must be an integer, found " + value);
        }
        return value.asInt();
    }

    private int positive(JsonNode parent, String key, String field) throws ModelPackageException {
        int value = integer(parent, key, field);
        if (value <= 0) {
            throw error(field, "must be positive, found " + value);
        }
        return value;
    }

    private double number(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, "is missing");
        }
        if (!value.isNumber()) {
            throw error(field, "must be a number, found " + value);
        }
        return value.asDouble();
    }

    private float[] floats(JsonNode parent, String key, String field, int expectedCount)
            throws ModelPackageException {
        JsonNode array = array(parent, key, field);
        if (array.size() != expectedCount) {
            throw error(field, "must hold " + expectedCount + " numbers, found " + array.size());
        }
        float[] values = new float[expectedCount];
        for (int i = 0; i < expectedCount; i++) {
            JsonNode item = array.get(i);
            if (!item.isNumber() || !Double.isFinite(item.asDouble())) {
                throw error(field, "must hold finite numbers, found " + item + " at index " + i);
            }
            values[i] = (float) item.asDouble();
        }
        return values;
    }

    private <E extends Enum<E>> E enumValue(JsonNode parent, String key, String field, Class<E> type)
            throws ModelPackageException {
        String value = text(parent, key, field);
        Function<E, String> spelling = constant -> constant.name().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (spelling.apply(constant).equalsIgnoreCase(value) || constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(spelling.apply(constant));
        }
        throw error(field, "must be one of " + allowed + ", found \"" + value + "\"");
    }

    private ModelPackageException error(String field, String problem) {
        return new ModelPackageException(file, field, problem);
    }
}
