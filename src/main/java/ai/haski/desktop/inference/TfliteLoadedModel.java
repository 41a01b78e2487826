package ai.haski.desktop.inference;

import ai.haski.desktop.model.Quantization;
import ai.haski.desktop.model.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.tensorflow.lite.DataType;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;
import org.tensorflow.lite.TensorFlowLite;

/**
 * A TFLite model served by a small pool of interpreters.
 *
 * <p>A TFLite {@link Interpreter} must not run on two threads at once, so each run borrows one; a pool grows on
 * demand up to the number of processors, and each interpreter keeps its own direct output buffers.
 *
 * <p>Quantised models: callers always hand over float32 input values and get float32 outputs back. An int8 or
 * uint8 input is quantised with the scale and zero point the model file gives it, into a direct buffer each
 * interpreter keeps for this, and int8 or uint8 outputs are dequantised with theirs (see {@link QuantizedValues}).
 * {@link ShapeCheck} refuses quantised tensors without those parameters before a model is used.
 */
final class TfliteLoadedModel implements LoadedModel {
    private final ByteBuffer model;
    private final String label;
    private final int threads;
    private final int maxInterpreters;
    private final BlockingQueue<PooledInterpreter> idle = new LinkedBlockingQueue<>();
    private final List<PooledInterpreter> all = new ArrayList<>();
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final RunGuard guard;

    TfliteLoadedModel(ByteBuffer model, String label, int threads) throws InferenceException {
        this.model = model;
        this.label = label;
        this.threads = threads;
        this.maxInterpreters = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.guard = new RunGuard(label);
        PooledInterpreter first = create();
        this.inputs = describe(first.interpreter, true);
        this.outputs = describe(first.interpreter, false);
        idle.add(first);
    }

    private PooledInterpreter create() throws InferenceException {
        try {
            PooledInterpreter pooled = new PooledInterpreter(new Interpreter(model, TfliteBackend.options(threads)));
            synchronized (all) {
                all.add(pooled);
            }
            return pooled;
        } catch (RuntimeException e) {
            throw new InferenceException(TfliteLoadFailure.explain(label, TensorFlowLite.runtimeVersion(),
                    e.getMessage()), e);
        }
    }

    private static List<TensorInfo> describe(Interpreter interpreter, boolean input) {
        int count = input ? interpreter.getInputTensorCount() : interpreter.getOutputTensorCount();
        List<TensorInfo> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Tensor tensor = input ? interpreter.getInputTensor(i) : interpreter.getOutputTensor(i);
            int[] shape = tensor.shapeSignature().length > 0 ? tensor.shapeSignature() : tensor.shape();
            long[] longShape = new long[shape.length];
            for (int d = 0; d < shape.length; d++) {
                longShape[d] = shape[d];
            }
            result.add(new TensorInfo(tensor.name(), longShape, dtype(tensor.dataType()), quantization(tensor)));
        }
        return List.copyOf(result);
    }

    private static String dtype(DataType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static Quantization quantization(Tensor tensor) {
        Tensor.QuantizationParams params = tensor.quantizationParams();
        return params == null ? Quantization.NONE : new Quantization(params.getScale(), params.getZeroPoint());
    }

    /** The 8-bit type of a quantised tensor with usable parameters, else empty: its values pass as float32. */
    private static Optional<QuantizedValues.Type> quantizedType(Tensor tensor) {
        QuantizedValues.Type type = switch (tensor.dataType()) {
            case INT8 -> QuantizedValues.Type.INT8;
            case UINT8 -> QuantizedValues.Type.UINT8;
            default -> null;
        };
        return type != null && quantization(tensor).isPresent() ? Optional.of(type) : Optional.empty();
    }

    @Override
    public List<TensorInfo> inputs() {
        return inputs;
    }

    @Override
    public List<TensorInfo> outputs() {
        return outputs;
    }

    @Override
    public Map<String, float[]> run(ByteBuffer input, long[] shape) throws InferenceException {
        return guard.during(() -> {
            PooledInterpreter pooled = borrow();
            try {
                return pooled.run(input);
            } finally {
                idle.add(pooled);
            }
        });
    }

    private PooledInterpreter borrow() throws InferenceException {
        PooledInterpreter pooled = idle.poll();
        if (pooled != null) {
            return pooled;
        }
        synchronized (all) {
            if (all.size() < maxInterpreters) {
                return create();
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException("interrupted while waiting to run " + label, e);
        }
    }

    @Override
    public void close() {
        guard.closeAfterRuns(() -> {
            synchronized (all) {
                all.forEach(p -> p.interpreter.close());
                all.clear();
            }
            idle.clear();
        });
    }

    /**
     * One interpreter with buffers of its own, reused run after run: its outputs, and for a quantised input the
     * buffer the float input is quantised into.
     */
    private final class PooledInterpreter {
        final Interpreter interpreter;
        final ByteBuffer[] outputBuffers;
        final String[] outputNames;
        final DataType[] outputTypes;
        final Quantization[] outputQuantizations;
        /** Null while the output is float32; else how to dequantise it. */
        final QuantizedValues.Type[] outputQuantizedTypes;
        final Tensor input;
        final int inputElements;
        /** Null for a float32 input; else the quantised input's type, parameters and buffer. */
        final QuantizedValues.Type inputQuantizedType;
        final Quantization inputQuantization;
        final ByteBuffer quantizedInput;

        PooledInterpreter(Interpreter interpreter) {
            this.interpreter = interpreter;
            int count = interpreter.getOutputTensorCount();
            outputBuffers = new ByteBuffer[count];
            outputNames = new String[count];
            outputTypes = new DataType[count];
            outputQuantizations = new Quantization[count];
            outputQuantizedTypes = new QuantizedValues.Type[count];
            for (int i = 0; i < count; i++) {
                Tensor tensor = interpreter.getOutputTensor(i);
                outputBuffers[i] = ByteBuffer.allocateDirect(tensor.numBytes()).order(ByteOrder.nativeOrder());
                outputNames[i] = tensor.name();
                outputTypes[i] = tensor.dataType();
                outputQuantizations[i] = quantization(tensor);
                outputQuantizedTypes[i] = quantizedType(tensor).orElse(null);
            }
            input = interpreter.getInputTensor(0);
            inputElements = input.numElements();
            inputQuantizedType = quantizedType(input).orElse(null);
            inputQuantization = quantization(input);
            quantizedInput = inputQuantizedType == null ? null
                    : ByteBuffer.allocateDirect(input.numBytes()).order(ByteOrder.nativeOrder());
        }

        Map<String, float[]> run(ByteBuffer floatInput) throws InferenceException {
            long floatBytes = (long) inputElements * Float.BYTES;
            if (floatBytes != floatInput.remaining()) {
                throw new InferenceException(label + ": input holds " + floatInput.remaining() + " bytes but tensor "
                        + input.name() + " " + java.util.Arrays.toString(input.shape()) + " needs " + floatBytes
                        + " bytes of float32 values");
            }
            Object modelInput;
            if (inputQuantizedType != null) {
                QuantizedValues.quantize(floatInput, quantizedInput, inputElements,
                        inputQuantization, inputQuantizedType);
                modelInput = quantizedInput.rewind();
            } else if (input.dataType() == DataType.FLOAT32) {
                modelInput = floatInput.duplicate();
            } else {
                throw new InferenceException(label + ": input " + input.name() + " is "
                        + dtype(input.dataType()) + " without quantisation parameters; float32 values cannot be "
                        + "handed to it");
            }
            Map<Integer, Object> outputMap = new LinkedHashMap<>();
            for (int i = 0; i < outputBuffers.length; i++) {
                outputBuffers[i].clear();
                outputMap.put(i, outputBuffers[i]);
            }
            try {
                interpreter.runForMultipleInputsOutputs(new Object[] {modelInput}, outputMap);
            } catch (RuntimeException e) {
                throw new InferenceException("TensorFlow Lite failed to run " + label + ": " + e.getMessage(), e);
            }
            Map<String, float[]> values = new LinkedHashMap<>();
            for (int i = 0; i < outputBuffers.length; i++) {
                values.put(outputNames[i], read(i));
            }
            return values;
        }

        private float[] read(int output) throws InferenceException {
            ByteBuffer buffer = outputBuffers[output];
            buffer.rewind();
            if (outputQuantizedTypes[output] != null) {
                float[] values = new float[buffer.remaining()];
                QuantizedValues.dequantize(buffer, values, outputQuantizations[output], outputQuantizedTypes[output]);
                return values;
            }
            if (outputTypes[output] != DataType.FLOAT32) {
                throw new InferenceException(label + ": output " + outputNames[output] + " is "
                        + dtype(outputTypes[output]) + " without quantisation parameters; it cannot be read as "
                        + "float32 values");
            }
            float[] values = new float[buffer.remaining() / Float.BYTES];
            buffer.asFloatBuffer().get(values);
            return values;
        }
    }
}
