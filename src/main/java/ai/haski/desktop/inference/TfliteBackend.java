package ai.haski.desktop.inference;

import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.platform.NativeLibraryCache;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.TensorFlowLite;

/**
 * Runs TFLite models with the TensorFlow Lite interpreter through its JNI library.
 *
 * <p>The Java classes do not load their native library themselves; it is unpacked from the
 * {@code tflite-native-cpu} jar into the per-user cache once and loaded from there (or from the folder named by
 * {@value #LIBRARY_PATH_PROPERTY}, which a packaged launcher sets). Only Linux and macOS on x86-64 have a library.
 */
public final class TfliteBackend implements InferenceBackend {
    private static final Logger LOG = LoggerFactory.getLogger(TfliteBackend.class);
    /** Names a folder holding the TFLite JNI library; a packaged app points it inside its image. */
    public static final String LIBRARY_PATH_PROPERTY = "haski.tflite.native.path";
    static final String RUNTIME = "TensorFlow Lite";
    static final String BUILT_WITH = "2.6.2";

    private final Path cacheRoot;
    private RuntimeStatus status;

    /** A backend that unpacks the runtime's library under {@code cacheRoot}/native once. */
    public TfliteBackend(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    @Override
    public ModelFormat format() {
        return ModelFormat.TFLITE;
    }

    @Override
    public synchronized RuntimeStatus status() {
        if (status == null) {
            status = initialise();
        }
        return status;
    }

    private RuntimeStatus initialise() {
        NativePlatform platform = NativePlatform.current();
        String fileName = platform.libraryFileName("tensorflowlite_jni");
        try {
            Optional<Path> library = locateLibrary(fileName);
            if (library.isEmpty()) {
                return RuntimeStatus.notShipped(RUNTIME, BUILT_WITH, "TensorFlow Lite has no native library for "
                        + platform + " in this build (only linux-x86_64 and mac-x86_64); use the ONNX format");
            }
            loadOnce(library.get());
            String version = TensorFlowLite.runtimeVersion();
            LOG.info("{} {} loaded from {}", RUNTIME, version, library.get());
            return RuntimeStatus.available(RUNTIME, version);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("{} cannot load on this machine", RUNTIME, e);
            return RuntimeStatus.failed(RUNTIME, BUILT_WITH,
                    "TensorFlow Lite cannot load on " + platform + ": " + e.getMessage());
        }
    }

    private Optional<Path> locateLibrary(String fileName) throws IOException {
        String configured = System.getProperty(LIBRARY_PATH_PROPERTY);
        if (configured != null) {
            return Optional.of(Path.of(configured).resolve(fileName));
        }
        NativeLibraryCache cache = new NativeLibraryCache(cacheRoot.resolve("native")
                .resolve("tensorflowlite-" + BUILT_WITH).resolve(NativePlatform.current().toString()));
        return cache.unpack("/native/lib/" + fileName, fileName);
    }

    /** The JVM refuses to load one library twice per class loader, so remember a load across backends. */
    private static synchronized void loadOnce(Path library) {
        if (!LibraryState.loaded) {
            System.load(library.toAbsolutePath().toString());
            LibraryState.loaded = true;
        }
    }

    private static final class LibraryState {
        static boolean loaded;
    }

    @Override
    public LoadedModel load(byte[] weights, String label, int threads) throws InferenceException {
        RuntimeStatus current = status();
        if (!current.isAvailable()) {
            throw new InferenceException(current.unavailableReason().orElseThrow());
        }
        // The interpreter reads the model in place for its whole life, so the bytes go into one direct buffer.
        ByteBuffer model = ByteBuffer.allocateDirect(weights.length).order(ByteOrder.nativeOrder());
        model.put(weights).flip();
        return new TfliteLoadedModel(model, label, Math.max(1, threads));
    }

    /**
     * Interpreter settings. XNNPACK is switched on explicitly: TFLite 2.6 on the desktop does not apply it by
     * default, and it cut the float reference network from about 35 ms to 6-8 ms a run here (docs/BENCHMARKS.md),
     * moving logits by about 1e-5, far inside the test vector's tolerance. Set {@value #XNNPACK_PROPERTY} to false to
     * compare.
     */
    static Interpreter.Options options(int threads) {
        return new Interpreter.Options().setNumThreads(threads)
                .setUseXNNPACK(Boolean.parseBoolean(System.getProperty(XNNPACK_PROPERTY, "true")));
    }

    /** Turns the XNNPACK delegate off when false, for measuring (on by default). */
    public static final String XNNPACK_PROPERTY = "haski.tflite.xnnpack";
}
