package ai.haski.desktop.tools;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Builds the model package manifests ({@code model.json}) of the reference model and of its int8 copy. Keys are
 * written in
 * insertion order; the text is pretty-printed with two-space indentation, {@code \n} line ends on every
 * platform, scalar arrays on one line, and a trailing newline.
 */
final class ReferenceManifest {

    static final int FORMAT_VERSION = 1;
    static final String ID = "haski-reference";
    static final String NAME = "Haski reference network (untrained)";
    static final String VERSION = "1.0.0";
    static final String DESCRIPTION = "MobileNet-style convolutional network (depthwise-separable blocks, "
            + "batch-norm folded, 224x224 RGB in, 14 logits out) with fixed seeded weights. It is UNTRAINED: it "
            + "exists so the pipeline runs out of the box and so the ONNX Runtime and TensorFlow Lite backends "
            + "can be checked against each other and against a plain-Java forward pass.";
    static final String LICENCE = "Apache-2.0";
    static final String AUTHORS = "Haski Desktop developers";
    static final String INTENDED_USE =
            "Software testing and demonstration only. Untrained: its outputs mean nothing medically.";
    static final String WARNING =
            "reference model: untrained, not for clinical use; its outputs mean nothing medically";

    static final String ONNX_FILE = "model.onnx";
    static final String TFLITE_FILE = "model.tflite";
    static final String TEST_IMAGE_FILE = "test-input.png";
    static final String MANIFEST_FILE = "model.json";

    static final String INT8_ID = "haski-reference-int8";
    static final String INT8_NAME = "Haski reference network, int8 (untrained)";
    static final String INT8_DESCRIPTION = "The haski-reference network, same seeded UNTRAINED weights, fully "
            + "quantised to int8 for TensorFlow Lite: int8 weights (one scale per output channel in the "
            + "convolutions), int8 activations calibrated on synthetic images, and an int8 input and int8 logits "
            + "whose scale and zero point are in the file. It exists to check the app's quantised-model support "
            + "and to measure int8 speed and agreement against the float32 model.";
    static final String INT8_TFLITE_FILE = "model-int8.tflite";
    static final String README_FILE = "README.md";

    /** What the manifest needs from the generator. */
    record Facts(String onnxSha256, String tfliteSha256, float[] expectedLogits, double tolerance,
                 long seed, double mflops, long parameters) {}

    /** What the int8 package's manifest needs from the generator. */
    record Int8Facts(String tfliteSha256, float[] expectedLogits, double tolerance, long seed, double mflops,
                     long parameters, int texturedCalibrationImages, int graphicCalibrationImages) {}

    private ReferenceManifest() {}

    static byte[] write(Facts facts) {
        ObjectNode root = header(ID, NAME, DESCRIPTION, "NCHW");

        ObjectNode weights = root.putObject("weights");
        ObjectNode onnx = weights.putObject("onnx");
        onnx.put("file", ONNX_FILE);
        onnx.put("sha256", facts.onnxSha256());
        onnx.put("layout", "NCHW");
        ObjectNode tflite = weights.putObject("tflite");
        tflite.put("file", TFLITE_FILE);
        tflite.put("sha256", facts.tfliteSha256());
        tflite.put("layout", "NHWC");

        root.putArray("backend_preference").add("onnx").add("tflite");
        testVector(root, facts.expectedLogits(), facts.tolerance());
        generator(root, facts.seed(), facts.mflops(), facts.parameters());
        return text(root);
    }

    /**
     * The int8 package: the same input, preprocessing, outputs and heads (the manifest describes the float
     * values the app hands to the backend and gets back; the file's quantisation parameters convert them), only
     * TFLite weights, and a test vector of what TensorFlow Lite computes for the int8 model.
     */
    static byte[] writeInt8(Int8Facts facts) {
        ObjectNode root = header(INT8_ID, INT8_NAME, INT8_DESCRIPTION, "NHWC");

        ObjectNode tflite = root.putObject("weights").putObject("tflite");
        tflite.put("file", INT8_TFLITE_FILE);
        tflite.put("sha256", facts.tfliteSha256());
        tflite.put("layout", "NHWC");

        root.putArray("backend_preference").add("tflite");
        testVector(root, facts.expectedLogits(), facts.tolerance());
        ObjectNode generator = generator(root, facts.seed(), facts.mflops(), facts.parameters());
        generator.put("quantized_from", ID + " " + VERSION);
        generator.put("calibration", "activation ranges: minimum and maximum over "
                + facts.texturedCalibrationImages() + " textured and " + facts.graphicCalibrationImages()
                + " graphic synthetic images; input range: everything preprocessing can produce");
        return text(root);
    }

    private static ObjectNode header(String id, String name, String description, String layout) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("id", id);
        root.put("name", name);
        root.put("version", VERSION);
        root.put("description", description);
        root.put("licence", LICENCE);
        root.putArray("authors").add(AUTHORS);
        root.put("intended_use", INTENDED_USE);
        root.put("clinical_use", false);
        root.putArray("warnings").add(WARNING);

        ObjectNode input = root.putObject("input");
        input.put("name", OnnxModelWriter.INPUT_NAME);
        input.put("layout", layout);
        input.put("width", ReferenceNetwork.INPUT_SIZE);
        input.put("height", ReferenceNetwork.INPUT_SIZE);
        input.put("channels", ReferenceNetwork.INPUT_CHANNELS);
        input.put("colour_order", "RGB");
        input.put("dtype", "float32");
        ObjectNode preprocessing = input.putObject("preprocessing");
        preprocessing.put("resize", "stretch");
        preprocessing.put("scale_to_unit", true);
        ArrayNode mean = preprocessing.putArray("mean");
        ArrayNode std = preprocessing.putArray("std");
        for (int c = 0; c < 3; c++) {
            mean.add(SyntheticImages.MEAN[c]);
            std.add(SyntheticImages.STD[c]);
        }

        ObjectNode output = root.putArray("outputs").addObject();
        output.put("name", OnnxModelWriter.OUTPUT_NAME);
        output.putArray("shape").add(1).add(ReferenceNetwork.NUM_LOGITS);
        output.put("dtype", "float32");

        ArrayNode heads = root.putArray("heads");
        head(heads, "skin_type", 0, null, "normal", "dry", "oily", "combination", "sensitive");
        head(heads, "hair_type", 5, null, "straight", "wavy", "curly", "coily");
        head(heads, "condition", 9, "healthy", "healthy", "mild_acne", "severe_acne", "eczema", "psoriasis");
        return root;
    }

    private static void testVector(ObjectNode root, float[] expectedLogits, double tolerance) {
        ObjectNode testVector = root.putObject("test_vector");
        testVector.put("input_image", TEST_IMAGE_FILE);
        ArrayNode logits = testVector.putObject("expected").putArray(OnnxModelWriter.OUTPUT_NAME);
        for (float v : expectedLogits) {
            logits.add(v);
        }
        testVector.put("tolerance", tolerance);
    }

    private static ObjectNode generator(ObjectNode root, long seed, double mflops, long parameters) {
        ObjectNode generator = root.putObject("generator");
        generator.put("tool", ReferenceModelGenerator.class.getName());
        generator.put("seed", seed);
        generator.put("mflops", mflops);
        generator.put("parameters", parameters);
        return generator;
    }

    private static byte[] text(ObjectNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
        try {
            String text = new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    private static void head(ArrayNode heads, String name, int offset, String noneLabel, String... labels) {
        ObjectNode head = heads.addObject();
        head.put("name", name);
        head.put("output", OnnxModelWriter.OUTPUT_NAME);
        head.put("offset", offset);
        head.put("length", labels.length);
        head.put("activation", "softmax");
        head.put("mode", "single_label");
        ArrayNode labelArray = head.putArray("labels");
        for (String label : labels) {
            labelArray.add(label);
        }
        if (noneLabel != null) {
            head.put("none_label", noneLabel);
        }
    }
}
