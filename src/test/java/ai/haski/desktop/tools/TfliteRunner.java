package ai.haski.desktop.tools;

import ai.haski.desktop.inference.TfliteBackend;
import ai.haski.desktop.platform.AppPaths;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;

/**
 * The raw TensorFlow Lite interpreter on a model's bytes, for the generator and its tests: raw input bytes in,
 * raw output bytes out, no quantisation or other help from the product's backend (whose job the generated
 * test vector checks).
 */
final class TfliteRunner implements AutoCloseable {

    private final ByteBuffer model;
    private final Interpreter interpreter;

    /** One thread and TFLite's default kernels unless {@code options} says otherwise. */
    TfliteRunner(byte[] modelBytes, Interpreter.Options options) {
        // The JNI library is unpacked and loaded by the product's backend, once per JVM.
        if (!new TfliteBackend(AppPaths.current().cacheDir()).status().isAvailable()) {
            throw new IllegalStateException("TensorFlow Lite is not available on this machine");
        }
        model = ByteBuffer.allocateDirect(modelBytes.length).order(ByteOrder.nativeOrder());
        model.put(modelBytes).rewind();
        interpreter = new Interpreter(model, options);
    }

    TfliteRunner(byte[] modelBytes) {
        this(modelBytes, new Interpreter.Options().setNumThreads(1));
    }

    Tensor input() {
        return interpreter.getInputTensor(0);
    }

    Tensor output() {
        return interpreter.getOutputTensor(0);
    }

    /** Runs the model on the raw bytes of its single input and returns the raw bytes of its single output. */
    byte[] run(byte[] inputBytes) {
        ByteBuffer in = ByteBuffer.allocateDirect(inputBytes.length).order(ByteOrder.nativeOrder());
        in.put(inputBytes).rewind();
        ByteBuffer out = ByteBuffer.allocateDirect(output().numBytes()).order(ByteOrder.nativeOrder());
        interpreter.run(in, out);
        out.rewind();
        byte[] result = new byte[out.remaining()];
        out.get(result);
        return result;
    }

    /** Runs a float32 model on float values (NHWC) and returns its float outputs. */
    float[] runFloat(float[] inputValues) {
        ByteBuffer in = ByteBuffer.allocate(inputValues.length * Float.BYTES).order(ByteOrder.nativeOrder());
        in.asFloatBuffer().put(inputValues);
        ByteBuffer out = ByteBuffer.wrap(run(in.array())).order(ByteOrder.nativeOrder());
        float[] values = new float[out.remaining() / Float.BYTES];
        out.asFloatBuffer().get(values);
        return values;
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
