package ai.haski.desktop.inference;

import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.RuntimeStatus;

/** A runtime that loads and runs one weights format (ONNX Runtime for ONNX, TensorFlow Lite for TFLite). */
public interface InferenceBackend {

    /** The weights format this runtime reads. */
    ModelFormat format();

    /** Whether the runtime's native library loads on this machine, with its version or the reason it does not. */
    RuntimeStatus status();

    /**
     * Loads a network from the bytes of its weights file.
     *
     * @param weights the file's content; its SHA-256 was checked by the caller
     * @param label what to call the model in messages, e.g. {@code haski-reference (onnx)}
     * @param threads how many threads one run may use
     */
    LoadedModel load(byte[] weights, String label, int threads) throws InferenceException;
}
