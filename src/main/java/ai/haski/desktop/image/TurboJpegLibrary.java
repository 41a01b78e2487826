package ai.haski.desktop.image;

import ai.haski.desktop.platform.JnaNativeDispatch;
import com.sun.jna.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and loads libjpeg-turbo's TurboJPEG library once per process, or explains (once, at INFO) why JPEG files
 * are decoded by ImageIO instead.
 *
 * <p>Search order: the file named by {@value #PATH_PROPERTY} (the packaged app ships its own copy), then the
 * system's ({@code libturbojpeg.so.0} on Linux, from Debian's libturbojpeg0). {@code -D}{@value #SWITCH_PROPERTY}
 * {@code =off} turns the fast path off, for measuring and as a way out should a library misbehave.
 */
final class TurboJpegLibrary {
    static final String SWITCH_PROPERTY = "haski.turbojpeg";
    static final String PATH_PROPERTY = "haski.turbojpeg.path";
    private static final Logger LOG = LoggerFactory.getLogger(TurboJpegLibrary.class);
    // Functions added in TurboJPEG 2.0; an older library lacks them and is not used.
    private static final List<String> REQUIRED_FUNCTIONS = List.of("tjInitDecompress", "tjDecompressHeader3",
            "tjDecompress2", "tjGetErrorStr2", "tjGetErrorCode", "tjDestroy");

    private TurboJpegLibrary() {}

    /** The process-wide binding, or empty when JPEG files go through ImageIO. */
    static Optional<TurboJpegApi> shared() {
        return Holder.API;
    }

    private static final class Holder {
        static final Optional<TurboJpegApi> API = load();
    }

    private static Optional<TurboJpegApi> load() {
        Optional<String> whyNot = JnaNativeDispatch.whyNotLoad(SWITCH_PROPERTY);
        if (whyNot.isPresent()) {
            LOG.info("JPEG decoder: ImageIO (TurboJPEG not used: {})", whyNot.get());
            return Optional.empty();
        }
        List<String> failures = new ArrayList<>();
        // Debian and Ubuntu ship only the versioned name at run time (the unversioned one is in the -dev package).
        List<String> candidates = Platform.isLinux()
                ? NativeBinding.candidates(PATH_PROPERTY, "libturbojpeg.so.0", "turbojpeg")
                : NativeBinding.candidates(PATH_PROPERTY, "turbojpeg");
        Optional<NativeBinding.Loaded<TurboJpegApi>> loaded = NativeBinding.first(candidates, REQUIRED_FUNCTIONS,
                TurboJpegApi.class, failures);
        if (loaded.isPresent()) {
            LOG.info("JPEG decoder: TurboJPEG from {} (DCT-domain scaled decoding; ImageIO for other files)",
                    loaded.get().from());
            return Optional.of(loaded.get().api());
        }
        LOG.info("JPEG decoder: ImageIO (no usable TurboJPEG library: {})", String.join("; ", failures));
        return Optional.empty();
    }
}
