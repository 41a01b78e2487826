package ai.haski.desktop.catalog;

import ai.haski.desktop.tools.OnnxModelWriter;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Random;

/**
 * Tiny hand-made ONNX classifiers (not from the reference generator) for import tests: the input image, per
 * channel averaged (GlobalAveragePool), then a dense layer to {@code classes} scores. Dimensions given as null
 * are dynamic (a named dim_param), like a PyTorch export with dynamic axes.
 */
public final class TinyOnnx {
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    private static final int INT64 = TensorProto.DataType.INT64_VALUE;

    private TinyOnnx() {}

    /** {@code pixels [N,H,W,3]} (NHWC, dynamic batch) -> {@code scores [N,classes]}. */
    public static byte[] nhwc(Long height, Long width, int classes) {
        return build(new Long[] {null, height, width, 3L}, true, classes, false, false);
    }

    /** {@code image [1,3,H,W]} (NCHW) -> {@code scores [1,classes]}. */
    public static byte[] nchw(long height, long width, int classes) {
        return build(new Long[] {1L, 3L, height, width}, false, classes, false, false);
    }

    /** Like {@link #nchw} with a second input, which no Haski model may have. */
    public static byte[] twoInputs() {
        return build(new Long[] {1L, 3L, 16L, 16L}, false, 4, true, false);
    }

    /** Like {@link #nchw} with an int64 output (the arg-max), which the ONNX backend cannot read as float. */
    public static byte[] integerOutput() {
        return build(new Long[] {1L, 3L, 16L, 16L}, false, 4, false, true);
    }

    private static byte[] build(Long[] inputDims, boolean nhwc, int classes, boolean secondInput, boolean argMax) {
        Random random = new Random(42 + classes);
        float[] weights = new float[classes * 3];
        float[] bias = new float[classes];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian() * 3f;
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) random.nextGaussian() * 0.1f;
        }
        GraphProto.Builder graph = GraphProto.newBuilder().setName("tiny")
                .addInput(valueInfo(nhwc ? "pixels" : "image", FLOAT, inputDims))
                .addInitializer(OnnxModelWriter.floatTensor("dense/weights", weights, classes, 3))
                .addInitializer(OnnxModelWriter.floatTensor("dense/bias", bias, classes));
        String current = nhwc ? "pixels" : "image";
        if (nhwc) {
            graph.addNode(NodeProto.newBuilder().setOpType("Transpose").setName("to_nchw")
                    .addInput(current).addOutput("nchw").addAttribute(OnnxModelWriter.ints("perm", 0, 3, 1, 2)));
            current = "nchw";
        }
        graph.addNode(NodeProto.newBuilder().setOpType("GlobalAveragePool").setName("pool")
                .addInput(current).addOutput("pooled"));
        graph.addNode(NodeProto.newBuilder().setOpType("Flatten").setName("flatten")
                .addInput("pooled").addOutput("flat").addAttribute(OnnxModelWriter.intAttr("axis", 1)));
        String gemmOut = argMax ? "scores_float" : "scores";
        if (secondInput) {
            graph.addInput(valueInfo("extra", FLOAT, 1L, 3L));
            graph.addNode(NodeProto.newBuilder().setOpType("Add").setName("add_extra")
                    .addInput("flat").addInput("extra").addOutput("flat_plus"));
        }
        graph.addNode(NodeProto.newBuilder().setOpType("Gemm").setName("dense")
                .addInput(secondInput ? "flat_plus" : "flat").addInput("dense/weights").addInput("dense/bias")
                .addOutput(gemmOut).addAttribute(OnnxModelWriter.intAttr("transB", 1)));
        Long batch = inputDims[0];
        if (argMax) {
            graph.addNode(NodeProto.newBuilder().setOpType("ArgMax").setName("argmax")
                    .addInput(gemmOut).addOutput("label").addAttribute(OnnxModelWriter.intAttr("axis", 1)));
            graph.addOutput(valueInfo("label", INT64, batch, 1L));
        } else {
            graph.addOutput(valueInfo("scores", FLOAT, batch, (long) classes));
        }
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setProducerName("haski-import-test").setGraph(graph).build().toByteArray();
    }

    private static ValueInfoProto valueInfo(String name, int type, Long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        String[] names = {"batch", "height", "width", "channels"};
        for (int d = 0; d < dims.length; d++) {
            shape.addDim(dims[d] == null ? TensorShapeProto.Dimension.newBuilder().setDimParam(names[d])
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dims[d]));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }
}
