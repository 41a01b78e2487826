package ai.haski.desktop.inference;

import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The runtimes this build ships, one per weights format. */
public final class Backends {
    private final Map<ModelFormat, InferenceBackend> byFormat;

    public Backends(Map<ModelFormat, InferenceBackend> byFormat) {
        this.byFormat = new EnumMap<>(byFormat);
        for (ModelFormat format : ModelFormat.values()) {
            if (!this.byFormat.containsKey(format)) {
                throw new IllegalArgumentException("no runtime for format " + format);
            }
        }
    }

    /** ONNX Runtime and TensorFlow Lite, unpacking their native libraries under {@code cacheDir}. */
    public static Backends standard(Path cacheDir) {
        Map<ModelFormat, InferenceBackend> map = new EnumMap<>(ModelFormat.class);
        map.put(ModelFormat.ONNX, new OnnxRuntimeBackend(cacheDir));
        map.put(ModelFormat.TFLITE, new TfliteBackend(cacheDir));
        return new Backends(map);
    }

    public InferenceBackend get(ModelFormat format) {
        return byFormat.get(format);
    }
}
