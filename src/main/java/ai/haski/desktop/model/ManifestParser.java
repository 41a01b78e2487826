package ai.haski.desktop.model;

import ai.haski.desktop.model.HeadSpec.Activation;
import ai.haski.desktop.model.HeadSpec.Mode;
import ai.haski.desktop.model.ManifestProblem.Code;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * Reads and validates a {@code model.json}. Every problem is reported with the file and the dotted path of the
 * field at fault, so that whoever wrote the manifest can fix it without guessing.
 */
public final class ManifestParser {
    /** The manifest format version this build understands. */
    public static final int FORMAT_VERSION = ManifestRules.FORMAT_VERSION;

    /** The largest model.json read: the reference one is about 3 KB, and the file is read whole into memory. */
    public static final long MAX_MANIFEST_BYTES = 1_000_000L;

    // A key given twice is refused: Jackson would otherwise keep the last, and "clinical_use": false followed by
    // "clinical_use": true would read as true while a reader of the file sees false first.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Path file;

    private ManifestParser(Path file) {
        this.file = file;
    }

    /** Parses and validates the manifest at {@code file}. */
    public static ModelManifest parse(Path file) throws ModelPackageException {
        byte[] content;
        try {
            long size = Files.size(file);
            if (size > MAX_MANIFEST_BYTES) {
                throw new ModelPackageException(file, ManifestProblem.of(null, Code.MANIFEST_TOO_LARGE, size,
                        MAX_MANIFEST_BYTES));
            }
            content = readAtMost(file, MAX_MANIFEST_BYTES);
        } catch (IOException e) {
            throw new ModelPackageException(file, ManifestProblem.of(null, Code.UNREADABLE, e.getMessage()), e);
        }
        return parse(file, content);
    }

    /** The file's bytes, refusing one that grew past {@code limit} after its size was checked. */
    private static byte[] readAtMost(Path file, long limit) throws IOException, ModelPackageException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes((int) limit + 1);
            if (content.length > limit) {
                throw new ModelPackageException(file, ManifestProblem.of(null, Code.MANIFEST_TOO_LARGE,
                        content.length + "+", limit));
            }
            return content;
        }
    }

    /**
     * Parses and validates manifest bytes held in memory (a proposed manifest before any file exists); {@code file}
     * only names them in messages. The exception's {@link ModelPackageException#problem()} holds the problem as
     * values.
     */
    public static ModelManifest parse(Path file, byte[] content) throws ModelPackageException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            // Jackson's processing limits (nesting depth, number and string lengths) report no location.
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ModelPackageException(file, ManifestProblem.of(null, Code.INVALID_JSON, e.getOriginalMessage(), where),
                    e);
        } catch (IOException e) {
            throw new ModelPackageException(file, ManifestProblem.of(null, Code.UNREADABLE, e.getMessage()), e);
        }
        return new ManifestParser(file).manifest(root);
    }

    private ModelManifest manifest(JsonNode root) throws ModelPackageException {
        if (root == null || !root.isObject()) {
            throw error(null, Code.NOT_AN_OBJECT_ROOT);
        }
        int formatVersion = integer(root, "format_version", "format_version");
        if (formatVersion != FORMAT_VERSION) {
            throw error("format_version", Code.UNSUPPORTED_FORMAT_VERSION, formatVersion, FORMAT_VERSION);
        }
        String id = text(root, "id", "id");
        if (!ManifestRules.isValidId(id)) {
            throw error("id", Code.INVALID_ID, ManifestRules.MAX_ID_LENGTH, id);
        }
        ModelTask task = root.has("task") ? enumValue(root, "task", "task", ModelTask.class)
                : ModelTask.CLASSIFICATION;
        InputSpec input = input(node(root, "input", "input"));
        List<OutputSpec> outputs = outputs(root);
        List<HeadSpec> heads;
        Optional<DetectorSpec> detector;
        if (task == ModelTask.FACE_DETECTION) {
            if (root.has("heads")) {
                throw error("heads", Code.DETECTOR_WITH_HEADS);
            }
            heads = List.of();
            detector = Optional.of(new DetectorSpecParser(this).detector(node(root, "detector", "detector"), outputs));
        } else {
            heads = heads(root, outputs);
            detector = Optional.empty();
        }
        Optional<String> expects = optionalText(root, "expects", "expects");
        if (expects.isPresent() && !expects.get().equals(ModelManifest.EXPECTS_FACE)) {
            throw error("expects", Code.NOT_ONE_OF, List.of(ModelManifest.EXPECTS_FACE), expects.get());
        }
        double faceMargin = ModelManifest.DEFAULT_FACE_MARGIN;
        if (root.has("face_margin")) {
            faceMargin = number(root, "face_margin", "face_margin");
            if (!(faceMargin >= 0 && faceMargin <= ManifestRules.MAX_FACE_MARGIN)) {
                throw error("face_margin", Code.OUT_OF_RANGE, 0, ManifestRules.MAX_FACE_MARGIN, faceMargin);
            }
        }
        Map<ModelFormat, WeightsSpec> weights = weights(node(root, "weights", "weights"), input.layout(), outputs);
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
                testVector(node(root, "test_vector", "test_vector"), outputs),
                task,
                expects,
                faceMargin,
                detector);
    }

    private InputSpec input(JsonNode input) throws ModelPackageException {
        int channels = integer(input, "channels", "input.channels");
        if (channels != ManifestRules.CHANNELS) {
            throw error("input.channels", Code.WRONG_CHANNELS, channels);
        }
        String dtype = text(input, "dtype", "input.dtype");
        if (!dtype.equals(ManifestRules.TENSOR_DTYPE)) {
            throw error("input.dtype", Code.NOT_FLOAT32, dtype);
        }
        JsonNode pre = node(input, "preprocessing", "input.preprocessing");
        float[] mean = floats(pre, "mean", "input.preprocessing.mean", 3);
        float[] std = floats(pre, "std", "input.preprocessing.std", 3);
        for (int c = 0; c < 3; c++) {
            if (!(std[c] > 0)) {
                throw error("input.preprocessing.std", Code.NOT_POSITIVE, std[c]);
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
            throw error("outputs", Code.NO_OUTPUTS);
        }
        List<OutputSpec> outputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "outputs[" + i + "]";
            JsonNode output = array.get(i);
            String name = text(output, "name", at + ".name");
            if (!names.add(name)) {
                throw error(at + ".name", Code.REPEATED_OUTPUT, name);
            }
            JsonNode shapeNode = array(output, "shape", at + ".shape");
            long[] shape = new long[shapeNode.size()];
            long values = 1;
            for (int d = 0; d < shape.length; d++) {
                if (!shapeNode.get(d).canConvertToLong() || shapeNode.get(d).asLong() <= 0) {
                    throw error(at + ".shape", Code.SHAPE_NOT_POSITIVE, shapeNode);
                }
                shape[d] = shapeNode.get(d).asLong();
                values = shape[d] > Integer.MAX_VALUE / values ? Long.MAX_VALUE : values * shape[d];
                if (values > Integer.MAX_VALUE) {
                    throw error(at + ".shape", Code.SHAPE_TOO_LARGE, Integer.MAX_VALUE, shapeNode);
                }
            }
            String dtype = text(output, "dtype", at + ".dtype");
            if (!dtype.equals(ManifestRules.TENSOR_DTYPE)) {
                throw error(at + ".dtype", Code.NOT_FLOAT32, dtype);
            }
            outputs.add(new OutputSpec(name, shape, dtype));
        }
        return outputs;
    }

    private List<HeadSpec> heads(JsonNode root, List<OutputSpec> outputs) throws ModelPackageException {
        JsonNode array = array(root, "heads", "heads");
        if (array.isEmpty()) {
            throw error("heads", Code.NO_HEADS);
        }
        List<HeadSpec> heads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "heads[" + i + "]";
            JsonNode head = array.get(i);
            String name = text(head, "name", at + ".name");
            if (!names.add(name)) {
                throw error(at + ".name", Code.REPEATED_HEAD, name);
            }
            String outputName = text(head, "output", at + ".output");
            OutputSpec output = outputs.stream().filter(o -> o.name().equals(outputName)).findFirst()
                    .orElseThrow(() -> error(at + ".output", Code.UNKNOWN_OUTPUT, outputName,
                            outputs.stream().map(OutputSpec::name).toList()));
            int offset = integer(head, "offset", at + ".offset");
            int length = positive(head, "length", at + ".length");
            if (offset < 0 || offset + (long) length > output.elementCount()) {
                throw error(at + ".offset", Code.SLICE_OUTSIDE_OUTPUT, offset, offset + length, outputName,
                        output.elementCount());
            }
            List<String> labels = textList(head, "labels", at + ".labels");
            if (labels.size() != length) {
                throw error(at + ".labels", Code.LABEL_COUNT, labels.size(), length);
            }
            if (new HashSet<>(labels).size() != labels.size()) {
                throw error(at + ".labels", Code.REPEATED_LABEL, labels);
            }
            Mode mode = enumValue(head, "mode", at + ".mode", Mode.class);
            Activation activation = enumValue(head, "activation", at + ".activation", Activation.class);
            Optional<String> noneLabel = optionalText(head, "none_label", at + ".none_label");
            if (noneLabel.isPresent() && !labels.contains(noneLabel.get())) {
                throw error(at + ".none_label", Code.UNKNOWN_NONE_LABEL, noneLabel.get(), labels);
            }
            float threshold = ManifestRules.DEFAULT_THRESHOLD;
            if (head.has("threshold")) {
                threshold = (float) number(head, "threshold", at + ".threshold");
                if (!(threshold > 0 && threshold < 1)) {
                    throw error(at + ".threshold", Code.THRESHOLD_OUT_OF_RANGE, threshold);
                }
            }
            if (mode == Mode.MULTI_LABEL && activation == Activation.SOFTMAX) {
                throw error(at + ".activation", Code.MULTI_LABEL_SOFTMAX);
            }
            heads.add(new HeadSpec(name, outputName, offset, length, activation, mode, labels, noneLabel, threshold));
        }
        return heads;
    }

    private Map<ModelFormat, WeightsSpec> weights(JsonNode weights, TensorLayout defaultLayout,
            List<OutputSpec> outputs) throws ModelPackageException {
        if (!weights.isObject() || weights.isEmpty()) {
            throw error("weights", Code.NO_WEIGHTS);
        }
        Map<ModelFormat, WeightsSpec> result = new EnumMap<>(ModelFormat.class);
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) weights::fields) {
            String at = "weights." + entry.getKey();
            ModelFormat format = ModelFormat.fromId(entry.getKey()).orElseThrow(() -> error(at, Code.UNKNOWN_FORMAT));
            JsonNode spec = entry.getValue();
            String fileName = text(spec, "file", at + ".file");
            checkRelative(fileName, at + ".file");
            String sha = text(spec, "sha256", at + ".sha256").toLowerCase(Locale.ROOT);
            if (!ManifestRules.SHA256.matcher(sha).matches()) {
                throw error(at + ".sha256", Code.INVALID_SHA256, sha);
            }
            TensorLayout layout = spec.has("layout")
                    ? enumValue(spec, "layout", at + ".layout", TensorLayout.class) : defaultLayout;
            result.put(format, new WeightsSpec(format, fileName, sha, layout,
                    new DetectorSpecParser(this).outputParts(spec, at, outputs)));
        }
        return result;
    }

    private List<ModelFormat> backendPreference(JsonNode root, Map<ModelFormat, WeightsSpec> weights)
            throws ModelPackageException {
        List<ModelFormat> order = new ArrayList<>();
        if (root.has("backend_preference")) {
            for (String name : textList(root, "backend_preference", "backend_preference")) {
                ModelFormat format = ModelFormat.fromId(name).orElseThrow(() -> error("backend_preference",
                        Code.UNKNOWN_PREFERRED_FORMAT, name));
                if (!weights.containsKey(format)) {
                    throw error("backend_preference", Code.PREFERRED_WITHOUT_WEIGHTS, name);
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
                throw error(at, Code.EXPECTED_MISSING);
            }
            expected.put(output.name(), floats(expectedNode, output.name(), at, (int) output.elementCount()));
        }
        double tolerance = number(vector, "tolerance", "test_vector.tolerance");
        if (!ManifestRules.isValidTolerance(tolerance)) {
            throw error("test_vector.tolerance", Code.TOLERANCE_OUT_OF_RANGE, ManifestRules.MAX_TOLERANCE,
                    tolerance);
        }
        return new TestVector(image, expected, (float) tolerance);
    }

    private void checkRelative(String fileName, String field) throws ModelPackageException {
        Path path;
        try {
            path = Path.of(fileName);
        } catch (InvalidPathException e) {
            throw error(field, Code.INVALID_FILE_NAME, e.getReason());
        }
        if (path.isAbsolute() || path.normalize().startsWith("..") || fileName.contains("\\")) {
            throw error(field, Code.OUTSIDE_PACKAGE, fileName);
        }
    }

    JsonNode node(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, Code.MISSING);
        }
        if (!value.isObject()) {
            throw error(field, Code.NOT_AN_OBJECT, value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value;
    }

    JsonNode array(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, Code.MISSING);
        }
        if (!value.isArray()) {
            throw error(field, Code.NOT_AN_ARRAY, value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value;
    }

    String text(JsonNode parent, String key, String field) throws ModelPackageException {
        return optionalText(parent, key, field).orElseThrow(() -> error(field, Code.MISSING));
    }

    Optional<String> optionalText(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(field, Code.NOT_TEXT, value);
        }
        return Optional.of(value.asText().trim());
    }

    List<String> textList(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode array = array(parent, key, field);
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw error(field, Code.NOT_TEXTS, item);
            }
            values.add(item.asText().trim());
        }
        return values;
    }

    private List<String> optionalTextList(JsonNode parent, String key) throws ModelPackageException {
        return parent.has(key) ? textList(parent, key, key) : List.of();
    }

    boolean bool(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, Code.MISSING);
        }
        if (!value.isBoolean()) {
            throw error(field, Code.NOT_BOOLEAN, value);
        }
        return value.asBoolean();
    }

    int integer(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, Code.MISSING);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(field, Code.NOT_INTEGER, value);
        }
        return value.asInt();
    }

    int positive(JsonNode parent, String key, String field) throws ModelPackageException {
        int value = integer(parent, key, field);
        if (value <= 0) {
            throw error(field, Code.NOT_POSITIVE, value);
        }
        return value;
    }

    double number(JsonNode parent, String key, String field) throws ModelPackageException {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(field, Code.MISSING);
        }
        if (!value.isNumber()) {
            throw error(field, Code.NOT_NUMBER, value);
        }
        return value.asDouble();
    }

    float[] floats(JsonNode parent, String key, String field, int expectedCount)
            throws ModelPackageException {
        JsonNode array = array(parent, key, field);
        if (array.size() != expectedCount) {
            throw error(field, Code.WRONG_COUNT, expectedCount, array.size());
        }
        float[] values = new float[expectedCount];
        for (int i = 0; i < expectedCount; i++) {
            JsonNode item = array.get(i);
            if (!item.isNumber() || !Double.isFinite(item.asDouble())) {
                throw error(field, Code.NOT_FINITE, item, i);
            }
            values[i] = (float) item.asDouble();
        }
        return values;
    }

    <E extends Enum<E>> E enumValue(JsonNode parent, String key, String field, Class<E> type)
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
        throw error(field, Code.NOT_ONE_OF, allowed, value);
    }

    ModelPackageException error(String field, Code code, Object... arguments) {
        return new ModelPackageException(file, ManifestProblem.of(field, code, arguments));
    }
}
