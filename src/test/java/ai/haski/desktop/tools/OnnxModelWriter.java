package ai.haski.desktop.tools;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.haski.desktop.tools.ReferenceNetwork.ConvKind;
import ai.haski.desktop.tools.ReferenceNetwork.ConvLayer;
import ai.haski.desktop.tools.ReferenceNetwork.DenseLayer;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the reference network as an ONNX model (IR version 8, default opset 13), NCHW:
 * {@code image [1,3,224,224]} -&gt; Conv/Relu ... -&gt; GlobalAveragePool -&gt; Flatten -&gt;
 * Gemm (transB=1) -&gt; {@code logits [1,14]}.
 *
 * <p>Convolutions use explicit pads equal to TensorFlow "SAME" (0 before / 1 after for stride 2 on even
 * sizes), so the graph computes exactly what the TFLite file computes. Protobuf serialisation of this
 * message (no map fields) is deterministic.
 */
public final class OnnxModelWriter {

    static final long IR_VERSION = 8;
    static final long OPSET = 13;
    static final String INPUT_NAME = "image";
    static final String OUTPUT_NAME = "logits";

    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    private OnnxModelWriter() {}

    static byte[] write(ReferenceNetwork network, String docString, String producerVersion) {
        int size = ReferenceNetwork.INPUT_SIZE;
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName("haski_reference")
                .setDocString(docString)
                .addInput(valueInfo(INPUT_NAME, 1, ReferenceNetwork.INPUT_CHANNELS, size, size))
                .addOutput(valueInfo(OUTPUT_NAME, 1, ReferenceNetwork.NUM_LOGITS));

        String current = INPUT_NAME;
        for (ConvLayer c : network.convs()) {
            String weights = c.name() + "/weights";
            String bias = c.name() + "/bias";
            graph.addInitializer(floatTensor(weights, c.weights(),
                    c.outChannels(), c.inPerGroup(), c.kernel(), c.kernel()));
            graph.addInitializer(floatTensor(bias, c.bias(), c.outChannels()));
            int before = c.padBefore(size);
            int after = c.padAfter(size);
            String convOut = c.name() + "/conv";
            graph.addNode(NodeProto.newBuilder()
                    .setName(c.name() + (c.kind() == ConvKind.DEPTHWISE ? "/depthwise_conv" : "/conv"))
                    .setOpType("Conv")
                    .addInput(current).addInput(weights).addInput(bias)
                    .addOutput(convOut)
                    .addAttribute(ints("kernel_shape", c.kernel(), c.kernel()))
                    .addAttribute(ints("strides", c.stride(), c.stride()))
                    // ONNX pads: [y_begin, x_begin, y_end, x_end]
                    .addAttribute(ints("pads", before, before, after, after))
                    .addAttribute(ints("dilations", 1, 1))
                    .addAttribute(intAttr("group", c.groups())));
            String reluOut = c.name() + "/relu";
            graph.addNode(NodeProto.newBuilder()
                    .setName(c.name() + "/relu")
                    .setOpType("Relu")
                    .addInput(convOut)
                    .addOutput(reluOut));
            current = reluOut;
            size = c.outSize(size);
        }

        graph.addNode(NodeProto.newBuilder()
                .setName("pool/global_average")
                .setOpType("GlobalAveragePool")
                .addInput(current)
                .addOutput("pool/global_average"));
        graph.addNode(NodeProto.newBuilder()
                .setName("pool/flatten")
                .setOpType("Flatten")
                .addInput("pool/global_average")
                .addOutput("pool/flatten")
                .addAttribute(intAttr("axis", 1)));

        DenseLayer dense = network.dense();
        String denseWeights = dense.name() + "/weights";
        String denseBias = dense.name() + "/bias";
        graph.addInitializer(floatTensor(denseWeights, dense.weights(), dense.outFeatures(), dense.inFeatures()));
        graph.addInitializer(floatTensor(denseBias, dense.bias(), dense.outFeatures()));
        graph.addNode(NodeProto.newBuilder()
                .setName(dense.name() + "/gemm")
                .setOpType("Gemm")
                .addInput("pool/flatten").addInput(denseWeights).addInput(denseBias)
                .addOutput(OUTPUT_NAME)
                .addAttribute(AttributeProto.newBuilder()
                        .setName("alpha").setType(AttributeProto.AttributeType.FLOAT).setF(1.0f))
                .addAttribute(AttributeProto.newBuilder()
                        .setName("beta").setType(AttributeProto.AttributeType.FLOAT).setF(1.0f))
                .addAttribute(intAttr("transB", 1)));

        ModelProto model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("haski-reference-generator")
                .setProducerVersion(producerVersion)
                .setDomain("ai.haski")
                .setModelVersion(1)
                .setDocString(docString)
                .setGraph(graph)
                .build();
        return model.toByteArray();
    }

    private static ValueInfoProto valueInfo(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape)))
                .build();
    }

    /** A float32 initializer of the given shape, little-endian raw data; the values must fill the shape. */
    public static TensorProto floatTensor(String name, float[] values, long... dims) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + count + " elements");
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long d : dims) {
            tensor.addDims(d);
        }
        return tensor.setRawData(ByteString.copyFrom(raw.array())).build();
    }

    /** An INTS attribute. */
    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder()
                .setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            attribute.addInts(v);
        }
        return attribute.build();
    }

    /** An INT attribute. */
    public static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }
}
