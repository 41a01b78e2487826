package ai.haski.desktop.inference;

import ai.haski.desktop.model.TensorInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * A network loaded into a runtime, owning its native memory until closed. {@link #run} may be called from
 * several threads at once; {@link #close} waits for runs in flight and makes later runs fail cleanly.
 */
public interface LoadedModel extends AutoCloseable {

    /** The input tensors as the runtime reports them. */
    List<TensorInfo> inputs();

    /** The output tensors as the runtime reports them. */
    List<TensorInfo> outputs();

    /**
     * Runs the network on one input.
     *
     * @param input float32 values of the single input tensor in its layout, in a direct buffer in native byte
     *     order, positioned at 0 with the limit at the end of the data
     * @param shape the input tensor's shape
     * @return every output tensor's values by output name, flattened
     */
    Map<String, float[]> run(ByteBuffer input, long[] shape) throws InferenceException;

    @Override
    void close();
}
