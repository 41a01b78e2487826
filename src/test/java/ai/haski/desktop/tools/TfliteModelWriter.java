package ai.haski.desktop.tools;

import ai.haski.desktop.tools.ReferenceNetwork.ConvKind;
import ai.haski.desktop.tools.ReferenceNetwork.ConvLayer;
import ai.haski.desktop.tools.ReferenceNetwork.DenseLayer;
import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the reference network as a TensorFlow Lite flatbuffer (schema version 3, file identifier
 * {@code TFL3}), NHWC: {@code image [1,224,224,3]} -&gt; CONV_2D / DEPTHWISE_CONV_2D (fused RELU, padding
 * SAME) ... -&gt; MEAN over axes [1,2] -&gt; FULLY_CONNECTED -&gt; {@code logits [1,14]}.
 *
 * <p>{@link #write} writes the float32 model (every operator version 1). {@link #writeInt8} writes the same
 * graph fully quantised from a {@link QuantizedNetwork}: int8 input, activations and logits with one scale
 * and zero point each, int8 weights with per-channel scales (per-tensor for FULLY_CONNECTED), int32 biases,
 * and the operator versions TFLite's op-version rules give int8 kernels (CONV_2D 3, DEPTHWISE_CONV_2D 3,
 * MEAN 2, FULLY_CONNECTED 4). Its MEAN keeps dimensions ({@code [1,1,1,512]}), so that TFLite takes its
 * integer-only kernel for a 4-D mean over height and width; FULLY_CONNECTED flattens that to {@code [1,512]}.
 *
 * <p>Written by hand with {@link FlatBufferBuilder}; the field slots below follow
 * {@code tensorflow/lite/schema/schema.fbs} (a union takes two slots: its type, then its value).
 * Buffer 0 is the empty sentinel; activation tensors refer to it. The builder's output depends only on
 * the sequence of calls, so the file is deterministic.
 */
public final class TfliteModelWriter {

    static final int SCHEMA_VERSION = 3;
    static final String FILE_IDENTIFIER = "TFL3";

    // enum TensorType : byte
    private static final byte TENSOR_FLOAT32 = 0;
    private static final byte TENSOR_INT32 = 2;
    private static final byte TENSOR_UINT8 = 3;
    private static final byte TENSOR_INT8 = 9;

    // enum BuiltinOperator
    private static final int OP_CONV_2D = 3;
    private static final int OP_DEPTHWISE_CONV_2D = 4;
    private static final int OP_FULLY_CONNECTED = 9;
    private static final int OP_RESHAPE = 22;
    private static final int OP_MEAN = 40;
    private static final int OP_SLICE = 65;

    // OperatorCode.version for int8 kernels (tensorflow/lite/tools/versioning/op_version.cc)
    private static final int FLOAT_VERSION = 1;
    private static final int CONV_2D_INT8_VERSION = 3;
    private static final int DEPTHWISE_CONV_2D_INT8_VERSION = 3;
    private static final int FULLY_CONNECTED_INT8_VERSION = 4;
    private static final int MEAN_INT8_VERSION = 2;
    private static final int RESHAPE_VERSION = 1;
    private static final int SLICE_UINT8_VERSION = 1;
    private static final int SLICE_INT8_VERSION = 2;

    // union BuiltinOptions (0 is NONE)
    private static final byte OPTIONS_CONV_2D = 1;
    private static final byte OPTIONS_DEPTHWISE_CONV_2D = 2;
    private static final byte OPTIONS_FULLY_CONNECTED = 8;
    private static final byte OPTIONS_REDUCER = 27;

    // enum Padding : byte { SAME, VALID }
    private static final byte PADDING_SAME = 0;
    // enum ActivationFunctionType : byte
    private static final byte ACTIVATION_NONE = 0;
    private static final byte ACTIVATION_RELU = 1;

    // table Model
    private static final int MODEL_VERSION = 0;
    private static final int MODEL_OPERATOR_CODES = 1;
    private static final int MODEL_SUBGRAPHS = 2;
    private static final int MODEL_DESCRIPTION = 3;
    private static final int MODEL_BUFFERS = 4;
    private static final int MODEL_FIELDS = 5;
    // table OperatorCode
    private static final int OPCODE_DEPRECATED_BUILTIN_CODE = 0;
    private static final int OPCODE_VERSION = 2;
    private static final int OPCODE_BUILTIN_CODE = 3;
    private static final int OPCODE_FIELDS = 4;
    // table SubGraph
    private static final int SUBGRAPH_TENSORS = 0;
    private static final int SUBGRAPH_INPUTS = 1;
    private static final int SUBGRAPH_OUTPUTS = 2;
    private static final int SUBGRAPH_OPERATORS = 3;
    private static final int SUBGRAPH_NAME = 4;
    private static final int SUBGRAPH_FIELDS = 5;
    // table Tensor
    private static final int TENSOR_SHAPE = 0;
    private static final int TENSOR_TYPE = 1;
    private static final int TENSOR_BUFFER = 2;
    private static final int TENSOR_NAME = 3;
    private static final int TENSOR_QUANTIZATION = 4;
    private static final int TENSOR_FIELDS = 5;
    // table QuantizationParameters (slots 4 and 5 are the details union)
    private static final int QUANT_SCALE = 2;
    private static final int QUANT_ZERO_POINT = 3;
    private static final int QUANT_QUANTIZED_DIMENSION = 6;
    private static final int QUANT_FIELDS = 7;
    // table Operator
    private static final int OPERATOR_OPCODE_INDEX = 0;
    private static final int OPERATOR_INPUTS = 1;
    private static final int OPERATOR_OUTPUTS = 2;
    private static final int OPERATOR_BUILTIN_OPTIONS_TYPE = 3;
    private static final int OPERATOR_BUILTIN_OPTIONS = 4;
    private static final int OPERATOR_FIELDS = 5;
    // table Buffer
    private static final int BUFFER_DATA = 0;
    private static final int BUFFER_FIELDS = 1;
    private static final int BUFFER_ALIGNMENT = 16;
    // table Conv2DOptions
    private static final int CONV_PADDING = 0;
    private static final int CONV_STRIDE_W = 1;
    private static final int CONV_STRIDE_H = 2;
    private static final int CONV_ACTIVATION = 3;
    private static final int CONV_FIELDS = 4;
    // table DepthwiseConv2DOptions
    private static final int DW_PADDING = 0;
    private static final int DW_STRIDE_W = 1;
    private static final int DW_STRIDE_H = 2;
    private static final int DW_DEPTH_MULTIPLIER = 3;
    private static final int DW_ACTIVATION = 4;
    private static final int DW_FIELDS = 5;
    // table FullyConnectedOptions
    private static final int FC_ACTIVATION = 0;
    private static final int FC_FIELDS = 1;
    // table ReducerOptions
    private static final int REDUCER_KEEP_DIMS = 0;
    private static final int REDUCER_FIELDS = 1;

    static final String INPUT_NAME = "image";
    static final String OUTPUT_NAME = "logits";

    /**
     * A tensor's quantisation: {@code real = (q - zeroPoints[i]) * scales[i]}, one entry for the whole tensor
     * or one per index along {@code dimension}.
     */
    record Quantization(float[] scales, long[] zeroPoints, int dimension) {

        static Quantization perTensor(float scale, int zeroPoint) {
            return new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
        }

        static Quantization perTensor(QuantizedNetwork.Affine affine) {
            return perTensor(affine.scale(), affine.zeroPoint());
        }

        /** Symmetric per-channel scales (zero points 0) along {@code dimension}. */
        static Quantization perChannel(float[] scales, int dimension) {
            return new Quantization(scales.clone(), new long[scales.length], dimension);
        }
    }

    /** {@code quantization} is null for a float or plain integer tensor. */
    private record TensorDef(String name, int[] shape, byte type, int buffer, Quantization quantization) {}

    /** {@code options} is null for an operator without builtin options. */
    private record OperatorDef(int opcodeIndex, int[] inputs, int[] outputs, byte optionsType, Options options) {}

    /** Writes one builtin-options table and returns its offset. */
    private interface Options {
        int write(FlatBufferBuilder builder);
    }

    /** The model as lists of tensors, buffers, operators, before it is laid out as a flatbuffer. */
    private static final class Graph {
        final List<TensorDef> tensors = new ArrayList<>();
        final List<byte[]> buffers = new ArrayList<>();
        final List<OperatorDef> operators = new ArrayList<>();
        final List<Integer> opcodes = new ArrayList<>();
        final List<Integer> opcodeVersions = new ArrayList<>();

        Graph() {
            buffers.add(null); // buffer 0: the empty sentinel
        }

        int activation(String name, int... shape) {
            return activation(name, TENSOR_FLOAT32, null, shape);
        }

        int activation(String name, byte type, Quantization quantization, int... shape) {
            tensors.add(new TensorDef(name, shape, type, 0, quantization));
            return tensors.size() - 1;
        }

        int constant(String name, byte type, byte[] data, int... shape) {
            return constant(name, type, null, data, shape);
        }

        int constant(String name, byte type, Quantization quantization, byte[] data, int... shape) {
            buffers.add(data);
            tensors.add(new TensorDef(name, shape, type, buffers.size() - 1, quantization));
            return tensors.size() - 1;
        }

        void operator(int builtinCode, int[] inputs, int[] outputs, byte optionsType, Options options) {
            operator(builtinCode, FLOAT_VERSION, inputs, outputs, optionsType, options);
        }

        void operator(int builtinCode, int version, int[] inputs, int[] outputs, byte optionsType,
                      Options options) {
            int index = opcodes.indexOf(builtinCode);
            if (index < 0) {
                opcodes.add(builtinCode);
                opcodeVersions.add(version);
                index = opcodes.size() - 1;
            } else if (opcodeVersions.get(index) != version) {
                throw new IllegalStateException("builtin " + builtinCode + " used at two versions");
            }
            operators.add(new OperatorDef(index, inputs, outputs, optionsType, options));
        }
    }

    private TfliteModelWriter() {}

    static byte[] write(ReferenceNetwork network, String description) {
        Graph graph = describe(network);
        return layOut(graph, description);
    }

    private static Graph describe(ReferenceNetwork network) {
        Graph g = new Graph();
        int size = ReferenceNetwork.INPUT_SIZE;
        int current = g.activation(INPUT_NAME, 1, size, size, ReferenceNetwork.INPUT_CHANNELS);
        for (ConvLayer c : network.convs()) {
            int outSize = c.outSize(size);
            int bias = g.constant(c.name() + "/bias", TENSOR_FLOAT32, floats(c.bias()), c.outChannels());
            int out = g.activation(c.name() + "/relu", 1, outSize, outSize, c.outChannels());
            int k = c.kernel();
            if (c.kind() == ConvKind.DEPTHWISE) {
                int filter = g.constant(c.name() + "/weights", TENSOR_FLOAT32,
                        floats(depthwiseFilter(c)), 1, k, k, c.outChannels());
                g.operator(OP_DEPTHWISE_CONV_2D, new int[] {current, filter, bias}, new int[] {out},
                        OPTIONS_DEPTHWISE_CONV_2D, b -> depthwiseOptions(b, c.stride()));
            } else {
                int filter = g.constant(c.name() + "/weights", TENSOR_FLOAT32,
                        floats(convFilter(c)), c.outChannels(), k, k, c.inChannels());
                g.operator(OP_CONV_2D, new int[] {current, filter, bias}, new int[] {out},
                        OPTIONS_CONV_2D, b -> convOptions(b, c.stride()));
            }
            current = out;
            size = outSize;
        }

        int channels = network.featureChannels();
        int axes = g.constant("pool/axes", TENSOR_INT32, ints(1, 2), 2);
        int pooled = g.activation("pool/global_average", 1, channels);
        g.operator(OP_MEAN, new int[] {current, axes}, new int[] {pooled}, OPTIONS_REDUCER,
                b -> reducerOptions(b, false));

        DenseLayer dense = network.dense();
        int weights = g.constant(dense.name() + "/weights", TENSOR_FLOAT32, floats(dense.weights()),
                dense.outFeatures(), dense.inFeatures());
        int bias = g.constant(dense.name() + "/bias", TENSOR_FLOAT32, floats(dense.bias()), dense.outFeatures());
        int logits = g.activation(OUTPUT_NAME, 1, dense.outFeatures());
        g.operator(OP_FULLY_CONNECTED, new int[] {pooled, weights, bias}, new int[] {logits},
                OPTIONS_FULLY_CONNECTED, TfliteModelWriter::fullyConnectedOptions);
        return g;
    }

    /** Writes the int8 model of {@code q}: same graph as {@link #write}, quantised. */
    static byte[] writeInt8(QuantizedNetwork q, String description) {
        return layOut(describeInt8(q), description);
    }

    private static Graph describeInt8(QuantizedNetwork q) {
        Graph g = new Graph();
        int size = ReferenceNetwork.INPUT_SIZE;
        int current = g.activation(INPUT_NAME, TENSOR_INT8, Quantization.perTensor(q.input()),
                1, size, size, ReferenceNetwork.INPUT_CHANNELS);
        for (QuantizedNetwork.Conv qc : q.convs()) {
            ConvLayer c = qc.layer();
            int outSize = c.outSize(size);
            int k = c.kernel();
            boolean depthwise = c.kind() == ConvKind.DEPTHWISE;
            // Per-channel scales run along the output-channel axis: 0 for CONV_2D, 3 for DEPTHWISE_CONV_2D.
            Quantization weightQuantization = Quantization.perChannel(qc.weightScales(), depthwise ? 3 : 0);
            int[] filterShape = depthwise ? new int[] {1, k, k, c.outChannels()}
                    : new int[] {c.outChannels(), k, k, c.inChannels()};
            int filter = g.constant(c.name() + "/weights", TENSOR_INT8, weightQuantization, filter(c, qc.weights()),
                    filterShape);
            int bias = g.constant(c.name() + "/bias", TENSOR_INT32, Quantization.perChannel(qc.biasScales(), 0),
                    ints(qc.bias()), c.outChannels());
            int out = g.activation(c.name() + "/relu", TENSOR_INT8, Quantization.perTensor(qc.output()),
                    1, outSize, outSize, c.outChannels());
            if (depthwise) {
                g.operator(OP_DEPTHWISE_CONV_2D, DEPTHWISE_CONV_2D_INT8_VERSION, new int[] {current, filter, bias},
                        new int[] {out}, OPTIONS_DEPTHWISE_CONV_2D, b -> depthwiseOptions(b, c.stride()));
            } else {
                g.operator(OP_CONV_2D, CONV_2D_INT8_VERSION, new int[] {current, filter, bias}, new int[] {out},
                        OPTIONS_CONV_2D, b -> convOptions(b, c.stride()));
            }
            current = out;
            size = outSize;
        }

        int channels = q.network().featureChannels();
        int axes = g.constant("pool/axes", TENSOR_INT32, ints(1, 2), 2);
        int pooled = g.activation("pool/global_average", TENSOR_INT8, Quantization.perTensor(q.pooled()),
                1, 1, 1, channels);
        g.operator(OP_MEAN, MEAN_INT8_VERSION, new int[] {current, axes}, new int[] {pooled}, OPTIONS_REDUCER,
                b -> reducerOptions(b, true));

        QuantizedNetwork.Dense dense = q.dense();
        int weights = g.constant(dense.layer().name() + "/weights", TENSOR_INT8,
                Quantization.perTensor(dense.weightScale(), 0), dense.weights(),
                dense.layer().outFeatures(), dense.layer().inFeatures());
        int bias = g.constant(dense.layer().name() + "/bias", TENSOR_INT32,
                Quantization.perTensor(dense.biasScale(), 0), ints(dense.bias()), dense.layer().outFeatures());
        int logits = g.activation(OUTPUT_NAME, TENSOR_INT8, Quantization.perTensor(dense.output()),
                1, dense.layer().outFeatures());
        g.operator(OP_FULLY_CONNECTED, FULLY_CONNECTED_INT8_VERSION, new int[] {pooled, weights, bias},
                new int[] {logits}, OPTIONS_FULLY_CONNECTED, TfliteModelWriter::fullyConnectedOptions);
        return g;
    }

    /**
     * A tiny model for tests of how quantised inputs and outputs are handled: {@code image [1,224,224,3]}
     * of {@code type} (int8 or uint8) -&gt; RESHAPE to {@code [1,150528]} -&gt; SLICE of the first 14 values
     * -&gt; {@code logits [1,14]} of the same type. Neither operator reads quantisation parameters, so
     * either tensor may lack them ({@code null}); with them, {@code logits} holds the first 14 quantised
     * input values, read with the output's parameters.
     */
    static byte[] writeQuantizedSlice(boolean unsigned, Quantization input, Quantization output) {
        Graph g = new Graph();
        byte type = unsigned ? TENSOR_UINT8 : TENSOR_INT8;
        int size = ReferenceNetwork.INPUT_SIZE;
        int flatSize = size * size * ReferenceNetwork.INPUT_CHANNELS;
        int image = g.activation(INPUT_NAME, type, input, 1, size, size, ReferenceNetwork.INPUT_CHANNELS);
        int shape = g.constant("flat/shape", TENSOR_INT32, ints(1, flatSize), 2);
        int flat = g.activation("flat", type, input, 1, flatSize);
        g.operator(OP_RESHAPE, RESHAPE_VERSION, new int[] {image, shape}, new int[] {flat}, (byte) 0, null);
        int begin = g.constant("slice/begin", TENSOR_INT32, ints(0, 0), 2);
        int length = g.constant("slice/size", TENSOR_INT32, ints(1, ReferenceNetwork.NUM_LOGITS), 2);
        int logits = g.activation(OUTPUT_NAME, type, output, 1, ReferenceNetwork.NUM_LOGITS);
        g.operator(OP_SLICE, unsigned ? SLICE_UINT8_VERSION : SLICE_INT8_VERSION, new int[] {flat, begin, length},
                new int[] {logits}, (byte) 0, null);
        return layOut(g, "Haski test model: the first 14 input values, quantised");
    }

    /**
     * A float model {@code image [1,224,224,3]} -&gt; one operator -&gt; {@code logits [1,150528]} whose operator code
     * TFLite 2.6.2 may not know: a builtin code from a later release, or a known one at a later version, as a newer
     * converter writes them. For the refusal a user meets when their converter is newer than the app's runtime.
     */
    public static byte[] writeWithOperator(int builtinCode, int version) {
        Graph g = new Graph();
        int size = ReferenceNetwork.INPUT_SIZE;
        int flatSize = size * size * ReferenceNetwork.INPUT_CHANNELS;
        int image = g.activation(INPUT_NAME, 1, size, size, ReferenceNetwork.INPUT_CHANNELS);
        int shape = g.constant("flat/shape", TENSOR_INT32, ints(1, flatSize), 2);
        int flat = g.activation(OUTPUT_NAME, 1, flatSize);
        g.operator(builtinCode, version, new int[] {image, shape}, new int[] {flat}, (byte) 0, null);
        return layOut(g, "Haski test model: an operator from a newer TensorFlow Lite");
    }

    /**
     * A float model {@code image [1,size,size,3]} -&gt; RESHAPE to {@code [1,size*size*3]} -&gt; FULLY_CONNECTED
     * -&gt; {@code logits [1,outputs]}: one dense layer straight over the pixels, so a test can make each output
     * depend on exactly the pixels it chooses. {@code weights} are {@code [outputs][size*size*3]} in NHWC order.
     */
    public static byte[] writePixelDense(int size, float[] weights, float[] bias) {
        Graph g = new Graph();
        int flatSize = size * size * ReferenceNetwork.INPUT_CHANNELS;
        int image = g.activation(INPUT_NAME, 1, size, size, ReferenceNetwork.INPUT_CHANNELS);
        int shape = g.constant("flat/shape", TENSOR_INT32, ints(1, flatSize), 2);
        int flat = g.activation("flat", 1, flatSize);
        g.operator(OP_RESHAPE, RESHAPE_VERSION, new int[] {image, shape}, new int[] {flat}, (byte) 0, null);
        int w = g.constant("dense/weights", TENSOR_FLOAT32, floats(weights), bias.length, flatSize);
        int b = g.constant("dense/bias", TENSOR_FLOAT32, floats(bias), bias.length);
        int logits = g.activation(OUTPUT_NAME, 1, bias.length);
        g.operator(OP_FULLY_CONNECTED, new int[] {flat, w, b}, new int[] {logits}, OPTIONS_FULLY_CONNECTED,
                TfliteModelWriter::fullyConnectedOptions);
        return layOut(g, "Haski test model: one dense layer over the pixels");
    }

    /** The RESHAPE builtin's code, for {@link #writeWithOperator}. */
    public static final int RESHAPE = OP_RESHAPE;

    /** ONNX {@code [out][in][kh][kw]} to TFLite CONV_2D {@code [out][kh][kw][in]}. */
    private static float[] convFilter(ConvLayer c) {
        float[] w = c.weights();
        int[] source = filterOrder(c);
        float[] out = new float[w.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = w[source[t]];
        }
        return out;
    }

    /** ONNX depthwise {@code [channels][1][kh][kw]} to TFLite DEPTHWISE_CONV_2D {@code [1][kh][kw][channels]}. */
    private static float[] depthwiseFilter(ConvLayer c) {
        return convFilter(c);
    }

    /** Int8 weights in ONNX layout to the TFLite filter layout of {@code c}. */
    private static byte[] filter(ConvLayer c, byte[] onnxLayout) {
        int[] source = filterOrder(c);
        byte[] out = new byte[onnxLayout.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = onnxLayout[source[t]];
        }
        return out;
    }

    /**
     * For each position of the TFLite filter, the position in the ONNX weights it comes from: CONV_2D
     * {@code [out][kh][kw][in]} from {@code [out][in][kh][kw]}; DEPTHWISE_CONV_2D {@code [1][kh][kw][channels]}
     * from {@code [channels][1][kh][kw]}.
     */
    private static int[] filterOrder(ConvLayer c) {
        int k = c.kernel();
        int[] source = new int[c.weights().length];
        if (c.kind() == ConvKind.DEPTHWISE) {
            int channels = c.outChannels();
            for (int ch = 0; ch < channels; ch++) {
                for (int y = 0; y < k; y++) {
                    for (int x = 0; x < k; x++) {
                        source[(y * k + x) * channels + ch] = (ch * k + y) * k + x;
                    }
                }
            }
            return source;
        }
        int in = c.inChannels();
        for (int o = 0; o < c.outChannels(); o++) {
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < k; y++) {
                    for (int x = 0; x < k; x++) {
                        source[((o * k + y) * k + x) * in + i] = ((o * in + i) * k + y) * k + x;
                    }
                }
            }
        }
        return source;
    }

    private static int convOptions(FlatBufferBuilder b, int stride) {
        b.startTable(CONV_FIELDS);
        b.addByte(CONV_PADDING, PADDING_SAME, PADDING_SAME);
        b.addInt(CONV_STRIDE_W, stride, 0);
        b.addInt(CONV_STRIDE_H, stride, 0);
        b.addByte(CONV_ACTIVATION, ACTIVATION_RELU, ACTIVATION_NONE);
        return b.endTable();
    }

    private static int depthwiseOptions(FlatBufferBuilder b, int stride) {
        b.startTable(DW_FIELDS);
        b.addByte(DW_PADDING, PADDING_SAME, PADDING_SAME);
        b.addInt(DW_STRIDE_W, stride, 0);
        b.addInt(DW_STRIDE_H, stride, 0);
        b.addInt(DW_DEPTH_MULTIPLIER, 1, 0);
        b.addByte(DW_ACTIVATION, ACTIVATION_RELU, ACTIVATION_NONE);
        return b.endTable();
    }

    private static int fullyConnectedOptions(FlatBufferBuilder b) {
        b.startTable(FC_FIELDS);
        b.addByte(FC_ACTIVATION, ACTIVATION_NONE, ACTIVATION_NONE);
        return b.endTable();
    }

    private static int reducerOptions(FlatBufferBuilder b, boolean keepDims) {
        b.startTable(REDUCER_FIELDS);
        b.addBoolean(REDUCER_KEEP_DIMS, keepDims, false);
        return b.endTable();
    }

    private static byte[] layOut(Graph g, String description) {
        FlatBufferBuilder b = new FlatBufferBuilder(4 << 20);

        // Buffers first: their data is the bulk of the file.
        int[] buffers = new int[g.buffers.size()];
        for (int i = 0; i < buffers.length; i++) {
            byte[] data = g.buffers.get(i);
            int dataOffset = 0;
            if (data != null) {
                ByteBuffer target = b.createUnintializedVector(1, data.length, BUFFER_ALIGNMENT);
                target.put(data);
                dataOffset = b.endVector();
            }
            b.startTable(BUFFER_FIELDS);
            if (data != null) {
                b.addOffset(BUFFER_DATA, dataOffset, 0);
            }
            buffers[i] = b.endTable();
        }

        int[] tensors = new int[g.tensors.size()];
        for (int i = 0; i < tensors.length; i++) {
            TensorDef t = g.tensors.get(i);
            int quantization = t.quantization() == null ? 0 : quantization(b, t.quantization());
            int shape = intVector(b, t.shape());
            int name = b.createString(t.name());
            b.startTable(TENSOR_FIELDS);
            b.addOffset(TENSOR_SHAPE, shape, 0);
            b.addByte(TENSOR_TYPE, t.type(), TENSOR_FLOAT32);
            b.addInt(TENSOR_BUFFER, t.buffer(), 0);
            b.addOffset(TENSOR_NAME, name, 0);
            if (t.quantization() != null) {
                b.addOffset(TENSOR_QUANTIZATION, quantization, 0);
            }
            tensors[i] = b.endTable();
        }

        int[] operators = new int[g.operators.size()];
        for (int i = 0; i < operators.length; i++) {
            OperatorDef op = g.operators.get(i);
            int inputs = intVector(b, op.inputs());
            int outputs = intVector(b, op.outputs());
            int options = op.options() == null ? 0 : op.options().write(b);
            b.startTable(OPERATOR_FIELDS);
            b.addInt(OPERATOR_OPCODE_INDEX, op.opcodeIndex(), -1); // always written, even index 0
            b.addOffset(OPERATOR_INPUTS, inputs, 0);
            b.addOffset(OPERATOR_OUTPUTS, outputs, 0);
            if (op.options() != null) {
                b.addByte(OPERATOR_BUILTIN_OPTIONS_TYPE, op.optionsType(), 0);
                b.addOffset(OPERATOR_BUILTIN_OPTIONS, options, 0);
            }
            operators[i] = b.endTable();
        }

        int subgraphName = b.createString("main");
        int tensorVector = b.createVectorOfTables(tensors);
        int inputVector = intVector(b, new int[] {0});
        int outputVector = intVector(b, new int[] {g.tensors.size() - 1});
        int operatorVector = b.createVectorOfTables(operators);
        b.startTable(SUBGRAPH_FIELDS);
        b.addOffset(SUBGRAPH_TENSORS, tensorVector, 0);
        b.addOffset(SUBGRAPH_INPUTS, inputVector, 0);
        b.addOffset(SUBGRAPH_OUTPUTS, outputVector, 0);
        b.addOffset(SUBGRAPH_OPERATORS, operatorVector, 0);
        b.addOffset(SUBGRAPH_NAME, subgraphName, 0);
        int subgraph = b.endTable();

        int[] opcodes = new int[g.opcodes.size()];
        for (int i = 0; i < opcodes.length; i++) {
            int code = g.opcodes.get(i);
            if (code >= 127) {
                throw new IllegalStateException("builtin code " + code + " needs the extended encoding");
            }
            b.startTable(OPCODE_FIELDS);
            b.addByte(OPCODE_DEPRECATED_BUILTIN_CODE, (byte) code, 0);
            b.addInt(OPCODE_VERSION, g.opcodeVersions.get(i), 0);
            b.addInt(OPCODE_BUILTIN_CODE, code, 0);
            opcodes[i] = b.endTable();
        }

        int descriptionString = b.createString(description);
        int opcodeVector = b.createVectorOfTables(opcodes);
        int subgraphVector = b.createVectorOfTables(new int[] {subgraph});
        int bufferVector = b.createVectorOfTables(buffers);
        b.startTable(MODEL_FIELDS);
        b.addInt(MODEL_VERSION, SCHEMA_VERSION, 0);
        b.addOffset(MODEL_OPERATOR_CODES, opcodeVector, 0);
        b.addOffset(MODEL_SUBGRAPHS, subgraphVector, 0);
        b.addOffset(MODEL_DESCRIPTION, descriptionString, 0);
        b.addOffset(MODEL_BUFFERS, bufferVector, 0);
        int model = b.endTable();
        b.finish(model, FILE_IDENTIFIER);
        return b.sizedByteArray();
    }

    private static int quantization(FlatBufferBuilder b, Quantization q) {
        if (q.scales().length != q.zeroPoints().length || q.scales().length == 0) {
            throw new IllegalArgumentException("a quantisation needs as many zero points as scales, at least one");
        }
        b.startVector(Float.BYTES, q.scales().length, Float.BYTES);
        for (int i = q.scales().length - 1; i >= 0; i--) {
            b.addFloat(q.scales()[i]);
        }
        int scales = b.endVector();
        b.startVector(Long.BYTES, q.zeroPoints().length, Long.BYTES);
        for (int i = q.zeroPoints().length - 1; i >= 0; i--) {
            b.addLong(q.zeroPoints()[i]);
        }
        int zeroPoints = b.endVector();
        b.startTable(QUANT_FIELDS);
        b.addOffset(QUANT_SCALE, scales, 0);
        b.addOffset(QUANT_ZERO_POINT, zeroPoints, 0);
        b.addInt(QUANT_QUANTIZED_DIMENSION, q.dimension(), 0);
        return b.endTable();
    }

    private static int intVector(FlatBufferBuilder b, int[] values) {
        b.startVector(Integer.BYTES, values.length, Integer.BYTES);
        for (int i = values.length - 1; i >= 0; i--) {
            b.addInt(values[i]);
        }
        return b.endVector();
    }

    private static byte[] floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buffer.putInt(v);
        }
        return buffer.array();
    }
}
