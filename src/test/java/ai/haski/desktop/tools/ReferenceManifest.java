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
 * Builds the model package manifest ({@code model.json}) of the reference model. Keys are written in
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

    /** What the manifest needs from the generator. */
    record Facts(String onnxSha256, String tfliteSha256, float[] expectedLogits, double tolerance,
                 long seed, double mflops, long parameters) {}

    private ReferenceManifest() {}

    static byte[] write(Facts facts) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("id", ID);
        root.put("name", NAME);
        root.put("version", VERSION);
        root.put("description", DESCRIPTION);
        root.put("licence", LICENCE);
        root.putArray("authors").add(AUTHORS);
        root.put("intended_use", INTENDED_USE);
        root.put("clinical_use", false);
        root.putArray("warnings").add(WARNING);

        ObjectNode input = root.putObject("input");
        input.put("name", OnnxModelWriter.INPUT_NAME);
        input.put("layout", "NCHW");
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

        ObjectNode testVector = root.putObject("test_vector");
        testVector.put("input_image", TEST_IMAGE_FILE);
        ArrayNode logits = testVector.putObject("expected").putArray(OnnxModelWriter.OUTPUT_NAME);
        for (float v : facts.expectedLogits()) {
            logits.add(v);
        }
        testVector.put("tolerance", facts.tolerance());

        ObjectNode generator = root.putObject("generator");
        generator.put("tool", ReferenceModelGenerator.class.getName());
        generator.put("seed", facts.seed());
        generator.put("mflops", facts.mflops());
        generator.put("parameters", facts.parameters());

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
