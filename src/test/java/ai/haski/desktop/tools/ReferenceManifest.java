package ai.haski.desktop.tools;

import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.ManifestWriter;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.OutputSpec;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.model.TestVector;
import ai.haski.desktop.model.WeightsSpec;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model package manifests ({@code model.json}) of the reference model and of its int8 copy, written by the
 * app's own {@link ManifestWriter}.
 */
final class ReferenceManifest {

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
        ModelManifest manifest = manifest(ID, NAME, DESCRIPTION, TensorLayout.NCHW,
                List.of(new WeightsSpec(ModelFormat.ONNX, ONNX_FILE, facts.onnxSha256(), TensorLayout.NCHW),
                        new WeightsSpec(ModelFormat.TFLITE, TFLITE_FILE, facts.tfliteSha256(), TensorLayout.NHWC)),
                facts.expectedLogits(), facts.tolerance());
        return ManifestWriter.write(manifest, "generator",
                generator(facts.seed(), facts.mflops(), facts.parameters()));
    }

    /**
     * The int8 package: the same input, preprocessing, outputs and heads (the manifest describes the float
     * values the app hands to the backend and gets back; the file's quantisation parameters convert them), only
     * TFLite weights, and a test vector of what TensorFlow Lite computes for the int8 model.
     */
    static byte[] writeInt8(Int8Facts facts) {
        ModelManifest manifest = manifest(INT8_ID, INT8_NAME, INT8_DESCRIPTION, TensorLayout.NHWC,
                List.of(new WeightsSpec(ModelFormat.TFLITE, INT8_TFLITE_FILE, facts.tfliteSha256(),
                        TensorLayout.NHWC)),
                facts.expectedLogits(), facts.tolerance());
        ObjectNode generator = generator(facts.seed(), facts.mflops(), facts.parameters());
        generator.put("quantized_from", ID + " " + VERSION);
        generator.put("calibration", "activation ranges: minimum and maximum over "
                + facts.texturedCalibrationImages() + " textured and " + facts.graphicCalibrationImages()
                + " graphic synthetic images; input range: everything preprocessing can produce");
        return ManifestWriter.write(manifest, "generator", generator);
    }

    private static ModelManifest manifest(String id, String name, String description, TensorLayout layout,
            List<WeightsSpec> weights, float[] expectedLogits, double tolerance) {
        InputSpec input = new InputSpec(OnnxModelWriter.INPUT_NAME, layout, ReferenceNetwork.INPUT_SIZE,
                ReferenceNetwork.INPUT_SIZE, ReferenceNetwork.INPUT_CHANNELS, ColourOrder.RGB,
                ManifestRules.TENSOR_DTYPE, ResizeMode.STRETCH, true, SyntheticImages.MEAN, SyntheticImages.STD);
        OutputSpec logits = new OutputSpec(OnnxModelWriter.OUTPUT_NAME, new long[] {1, ReferenceNetwork.NUM_LOGITS},
                ManifestRules.TENSOR_DTYPE);
        List<HeadSpec> heads = List.of(
                head("skin_type", 0, null, "normal", "dry", "oily", "combination", "sensitive"),
                head("hair_type", 5, null, "straight", "wavy", "curly", "coily"),
                head("condition", 9, "healthy", "healthy", "mild_acne", "severe_acne", "eczema", "psoriasis"));
        Map<ModelFormat, WeightsSpec> byFormat = new EnumMap<>(ModelFormat.class);
        weights.forEach(w -> byFormat.put(w.format(), w));
        return new ModelManifest(ManifestRules.FORMAT_VERSION, id, name, VERSION, description, LICENCE,
                List.of(AUTHORS), INTENDED_USE, false, List.of(WARNING), input, List.of(logits), heads, byFormat,
                weights.stream().map(WeightsSpec::format).toList(),
                new TestVector(TEST_IMAGE_FILE, Map.of(OnnxModelWriter.OUTPUT_NAME, expectedLogits),
                        (float) tolerance))
                // The Haski contract is about a face's skin and hair, so its reference model expects a face.
                .expecting(ModelManifest.EXPECTS_FACE, ModelManifest.DEFAULT_FACE_MARGIN);
    }

    private static ObjectNode generator(long seed, double mflops, long parameters) {
        ObjectNode generator = JsonNodeFactory.instance.objectNode();
        generator.put("tool", ReferenceModelGenerator.class.getName());
        generator.put("seed", seed);
        generator.put("mflops", mflops);
        generator.put("parameters", parameters);
        return generator;
    }

    private static HeadSpec head(String name, int offset, String noneLabel, String... labels) {
        return new HeadSpec(name, OnnxModelWriter.OUTPUT_NAME, offset, labels.length, HeadSpec.Activation.SOFTMAX,
                HeadSpec.Mode.SINGLE_LABEL, List.of(labels), Optional.ofNullable(noneLabel),
                ManifestRules.DEFAULT_THRESHOLD);
    }
}
