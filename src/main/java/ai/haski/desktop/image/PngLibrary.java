package ai.haski.desktop.image;

import ai.haski.desktop.platform.JnaNativeDispatch;
import com.sun.jna.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and loads libpng 1.6 once per process, or explains (once, at INFO) why PNG files are decoded by ImageIO.
 *
 * <p>Search order: the file named by {@value #PATH_PROPERTY} (the packaged app ships its own copy), then the
 * system's ({@code libpng16.so.16} on Linux, from Debian's libpng16-16, which every desktop has). {@code -D}
 * {@value #SWITCH_PROPERTY}{@code =off} turns the fast path off, for measuring and as a way out.
 */
final class PngLibrary {
    static final String SWITCH_PROPERTY = "haski.libpng";
    static final String PATH_PROPERTY = "haski.libpng.path";
    private static final Logger LOG = LoggerFactory.getLogger(PngLibrary.class);
    // The simplified API came with libpng 1.6.0.
    private static final List<String> REQUIRED_FUNCTIONS = List.of("png_image_begin_read_from_memory",
            "png_image_finish_read", "png_image_free", "png_get_libpng_ver");

    private PngLibrary() {}

    /** The process-wide binding, or empty when PNG files go through ImageIO. */
    static Optional<PngApi> shared() {
        return Holder.API;
    }

    private static final class Holder {
        static final Optional<PngApi> API = load();
    }

    private static Optional<PngApi> load() {
        Optional<String> whyNot = JnaNativeDispatch.whyNotLoad(SWITCH_PROPERTY);
        if (whyNot.isPresent()) {
            LOG.info("PNG decoder: ImageIO (libpng not used: {})", whyNot.get());
            return Optional.empty();
        }
        List<String> failures = new ArrayList<>();
        List<String> candidates = Platform.isLinux()
                ? NativeBinding.candidates(PATH_PROPERTY, "libpng16.so.16", "png16")
                : NativeBinding.candidates(PATH_PROPERTY, "png16");
        Optional<NativeBinding.Loaded<PngApi>> loaded = NativeBinding.first(candidates, REQUIRED_FUNCTIONS,
                PngApi.class, failures);
        if (loaded.isPresent()) {
            LOG.info("PNG decoder: libpng {} from {} (opaque 8-bit PNGs without colour chunks; ImageIO for others)",
                    loaded.get().api().png_get_libpng_ver(null), loaded.get().from());
            return Optional.of(loaded.get().api());
        }
        LOG.info("PNG decoder: ImageIO (no usable libpng: {})", String.join("; ", failures));
        return Optional.empty();
    }
}
