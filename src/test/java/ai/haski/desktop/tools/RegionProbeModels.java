package ai.haski.desktop.tools;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * A network whose answers depend on known parts of the picture, in ONNX and TFLite, for tests of explanations:
 * {@code logits [1,4]} from one dense layer over the input pixels. Logits 0-1 are the head "quadrant" (labels
 * {@code off}, {@code on}): {@code on} is the mean of every channel over the top-left quadrant of the input only,
 * times {@link #GAIN}. Logits 2-3 are the head "whole" ({@code dark}, {@code bright}): {@code bright} is the same
 * mean over the whole input. The {@code off} and {@code dark} logits are 0. Both files compute the same function;
 * only the order of the flattened pixels differs (NCHW for ONNX, NHWC for TFLite).
 */
public final class RegionProbeModels {
    /** The input's side in pixels. */
    public static final int SIZE = 56;
    /** The side of the top-left quadrant that head "quadrant" reads. */
    public static final int QUADRANT = SIZE / 2;
    /** Scales the means, so that probabilities sit mid-range rather than at 0 or 1 where drops vanish. */
    static final float GAIN = 0.5f;
    /** The labels file for {@code models import}. */
    public static final String LABELS_JSON = "{\"quadrant\": [\"off\", \"on\"], \"whole\": [\"dark\", \"bright\"]}";

    private static final int CHANNELS = 3;
    private static final int OUTPUTS = 4;

    private RegionProbeModels() {}

    public static byte[] onnx() {
        int flat = SIZE * SIZE * CHANNELS;
        GraphProto graph = GraphProto.newBuilder().setName("region_probe")
                .addInput(valueInfo("image", 1, CHANNELS, SIZE, SIZE))
                .addOutput(valueInfo("logits", 1, OUTPUTS))
                .addInitializer(OnnxModelWriter.floatTensor("dense/weights", weights(true), OUTPUTS, flat))
                .addInitializer(OnnxModelWriter.floatTensor("dense/bias", new float[OUTPUTS], OUTPUTS))
                .addNode(NodeProto.newBuilder().setOpType("Flatten").setName("flatten").addInput("image")
                        .addOutput("flat").addAttribute(OnnxModelWriter.intAttr("axis", 1)))
                .addNode(NodeProto.newBuilder().setOpType("Gemm").setName("dense").addInput("flat")
                        .addInput("dense/weights").addInput("dense/bias").addOutput("logits")
                        .addAttribute(OnnxModelWriter.intAttr("transB", 1)))
                .build();
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setProducerName("haski-explain-test").setGraph(graph).build().toByteArray();
    }

    public static byte[] tflite() {
        return TfliteModelWriter.writePixelDense(SIZE, weights(false), new float[OUTPUTS]);
    }

    /** {@code [4][flat]}: rows 1 and 3 average their area, rows 0 and 2 are zero. */
    private static float[] weights(boolean channelsFirst) {
        int flat = SIZE * SIZE * CHANNELS;
        float[] weights = new float[OUTPUTS * flat];
        float quadrantWeight = GAIN / (QUADRANT * QUADRANT * CHANNELS);
        float wholeWeight = GAIN / (SIZE * SIZE * CHANNELS);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (int c = 0; c < CHANNELS; c++) {
                    int index = channelsFirst ? (c * SIZE + y) * SIZE + x : (y * SIZE + x) * CHANNELS + c;
                    if (y < QUADRANT && x < QUADRANT) {
                        weights[flat + index] = quadrantWeight;
                    }
                    weights[3 * flat + index] = wholeWeight;
                }
            }
        }
        return weights;
    }

    private static ValueInfoProto valueInfo(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
