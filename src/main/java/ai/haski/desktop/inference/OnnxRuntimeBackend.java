package ai.haski.desktop.inference;

import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.platform.NativeLibraryCache;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs ONNX models with Microsoft ONNX Runtime (CPU). */
public final class OnnxRuntimeBackend implements InferenceBackend {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntimeBackend.class);
    static final String RUNTIME = "ONNX Runtime";
    /** The version of the onnxruntime jar this build ships; the loaded library reports its own. */
    static final String BUILT_WITH = "1.23.2";
    private static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";

    private final Path cacheRoot;
    private RuntimeStatus status;
    private OrtEnvironment environment;

    /** A backend that unpacks the runtime's libraries under {@code cacheRoot}/native once. */
    public OnnxRuntimeBackend(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    @Override
    public ModelFormat format() {
        return ModelFormat.ONNX;
    }

    @Override
    public synchronized RuntimeStatus status() {
        if (status == null) {
            status = initialise();
        }
        return status;
    }

    private RuntimeStatus initialise() {
        try {
            prepareNativeLibraries();
            environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "haski");
            String version = environment.getVersion();
            LOG.info("{} {} loaded", RUNTIME, version);
            return RuntimeStatus.available(RUNTIME, version);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("{} cannot load on this machine", RUNTIME, e);
            return RuntimeStatus.failed(RUNTIME, BUILT_WITH,
                    "ONNX Runtime cannot load on " + NativePlatform.current() + ": " + e.getMessage());
        }
    }

    /** Points ONNX Runtime at libraries unpacked once into the cache, unless a launcher already chose a folder. */
    private void prepareNativeLibraries() throws IOException {
        if (System.getProperty(NATIVE_PATH_PROPERTY) != null) {
            return;
        }
        NativePlatform platform = NativePlatform.current();
        String folder = switch (platform.os()) {
            case LINUX -> "linux-";
            case MAC -> "osx-";
            case WINDOWS -> "win-";
            case OTHER -> null;
        };
        String arch = switch (platform.arch()) {
            case X86_64 -> "x64";
            case AARCH64 -> "aarch64";
            case OTHER -> null;
        };
        if (folder == null || arch == null) {
            return; // Let ONNX Runtime's own loader report the unsupported platform.
        }
        String resourceFolder = "/ai/onnxruntime/native/" + folder + arch + "/";
        NativeLibraryCache cache = new NativeLibraryCache(
                cacheRoot.resolve("native").resolve("onnxruntime-" + BUILT_WITH).resolve(platform.toString()));
        boolean complete = true;
        for (String library : new String[] {"onnxruntime", "onnxruntime4j_jni"}) {
            String fileName = platform.libraryFileName(library);
            complete &= cache.unpack(resourceFolder + fileName, fileName).isPresent();
        }
        if (complete) {
            System.setProperty(NATIVE_PATH_PROPERTY, cache.folder().toString());
        }
    }

    /** Graph optimisation level: all by default; {@value #OPTIMISATION_PROPERTY} picks another, for measuring. */
    private static OrtSession.SessionOptions.OptLevel optimisationLevel() {
        String wanted = System.getProperty(OPTIMISATION_PROPERTY, "all").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (wanted) {
            case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            default -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
        };
    }

    /** Names ONNX Runtime's graph optimisation level (none, basic, extended, all), for benchmarks. */
    public static final String OPTIMISATION_PROPERTY = "haski.onnx.optimisation";

    @Override
    public LoadedModel load(byte[] weights, String label, int threads) throws InferenceException {
        RuntimeStatus current = status();
        if (!current.isAvailable()) {
            throw new InferenceException(current.unavailableReason().orElseThrow());
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(optimisationLevel());
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(weights, options);
            return new OnnxLoadedModel(environment, session, label);
        } catch (OrtException e) {
            throw new InferenceException(RUNTIME + " cannot load " + label + ": " + e.getMessage(), e);
        }
    }
}
