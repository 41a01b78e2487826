package ai.haski.desktop.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;

/**
 * A TFLite model served by a small pool of interpreters.
 *
 * <p>A TFLite {@link Interpreter} must not run on two threads at once, so each run borrows one; a pool grows on
 * demand up to the number of processors, and each interpreter keeps its own direct output buffers.
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
            throw new InferenceException(TfliteBackend.RUNTIME + " cannot load " + label + ": " + e.getMessage(), e);
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
            result.add(new TensorInfo(tensor.name(), longShape, tensor.dataType().name().toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(result);
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

    /** One interpreter with output buffers of its own, reused run after run. */
    private final class PooledInterpreter {
        final Interpreter interpreter;
        final ByteBuffer[] outputBuffers;
        final String[] outputNames;

        PooledInterpreter(Interpreter interpreter) {
            this.interpreter = interpreter;
            int count = interpreter.getOutputTensorCount();
            outputBuffers = new ByteBuffer[count];
            outputNames = new String[count];
            for (int i = 0; i < count; i++) {
                Tensor tensor = interpreter.getOutputTensor(i);
                outputBuffers[i] = ByteBuffer.allocateDirect(tensor.numBytes()).order(ByteOrder.nativeOrder());
                outputNames[i] = tensor.name();
            }
        }

        Map<String, float[]> run(ByteBuffer input) throws InferenceException {
            Tensor in = interpreter.getInputTensor(0);
            if (in.numBytes() != input.remaining()) {
                throw new InferenceException(label + ": input holds " + input.remaining() + " bytes but tensor "
                        + in.name() + " " + java.util.Arrays.toString(in.shape()) + " needs " + in.numBytes());
            }
            Map<Integer, Object> outputMap = new LinkedHashMap<>();
            for (int i = 0; i < outputBuffers.length; i++) {
                outputBuffers[i].clear();
                outputMap.put(i, outputBuffers[i]);
            }
            try {
                interpreter.runForMultipleInputsOutputs(new Object[] {input.duplicate()}, outputMap);
            } catch (RuntimeException e) {
                throw new InferenceException("TensorFlow Lite failed to run " + label + ": " + e.getMessage(), e);
            }
            Map<String, float[]> values = new LinkedHashMap<>();
            for (int i = 0; i < outputBuffers.length; i++) {
                ByteBuffer buffer = outputBuffers[i];
                buffer.rewind();
                float[] copy = new float[buffer.remaining() / Float.BYTES];
                buffer.asFloatBuffer().get(copy);
                values.put(outputNames[i], copy);
            }
            return values;
        }
    }
}
