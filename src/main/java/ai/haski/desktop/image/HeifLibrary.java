package ai.haski.desktop.image;

import ai.haski.desktop.platform.JnaNativeDispatch;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and loads libheif once per process, or explains (once, at INFO) why HEIC and AVIF files cannot be decoded.
 *
 * <p>Search order: the file named by {@value #PATH_PROPERTY} (the packaged app ships its own copy with its decoder
 * libraries), then the system's ({@code libheif.so.1} on Linux, from Debian's libheif1). {@code -D}
 * {@value #SWITCH_PROPERTY}{@code =off} turns it off, as a way out should the library misbehave.
 */
final class HeifLibrary {
    static final String SWITCH_PROPERTY = "haski.libheif";
    static final String PATH_PROPERTY = "haski.libheif.path";
    private static final Logger LOG = LoggerFactory.getLogger(HeifLibrary.class);
    // heif_decoding_options' convert_hdr_to_8bit and strict_decoding, and memory reading without a copy, came in 1.x
    // releases before 1.15; an older library lacks some of these functions and is not used.
    private static final List<String> REQUIRED_FUNCTIONS = List.of("heif_context_read_from_memory_without_copy",
            "heif_image_handle_get_ispe_width", "heif_image_handle_get_nclx_color_profile", "heif_init",
            "heif_decoding_options_alloc", "heif_decode_image", "heif_image_get_plane_readonly");

    private HeifLibrary() {}

    /** The process-wide binding, or empty when HEIF files cannot be decoded here. */
    static Optional<HeifApi> shared() {
        return Holder.API;
    }

    private static final class Holder {
        static final Optional<HeifApi> API = load();
    }

    private static Optional<HeifApi> load() {
        if (!Platform.is64Bit()) {
            LOG.info("HEIC/AVIF decoder: none (libheif is only used on 64-bit systems)");
            return Optional.empty();
        }
        Optional<String> whyNot = JnaNativeDispatch.whyNotLoad(SWITCH_PROPERTY);
        if (whyNot.isPresent()) {
            LOG.info("HEIC/AVIF decoder: none (libheif not used: {})", whyNot.get());
            return Optional.empty();
        }
        List<String> failures = new ArrayList<>();
        preloadBundledDependencies(failures);
        for (String candidate : candidates()) {
            try {
                NativeLibrary library = NativeLibrary.getInstance(candidate);
                for (String function : REQUIRED_FUNCTIONS) {
                    library.getFunction(function);
                }
                HeifApi api = Native.load(candidate, HeifApi.class);
                HeifApi.HeifError init = api.heif_init(null);
                if (init.code != HeifApi.OK) {
                    failures.add(candidate + ": heif_init failed: " + init.message);
                    continue;
                }
                LOG.info("HEIC/AVIF decoder: libheif {} from {}", api.heif_get_version(),
                        library.getFile() != null ? library.getFile() : candidate);
                return Optional.of(api);
            } catch (LinkageError | RuntimeException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        LOG.info("HEIC/AVIF decoder: none (no usable libheif: {})", String.join("; ", failures));
        return Optional.empty();
    }

    /**
     * The packaged app ships libheif's decoder libraries beside it; the dynamic linker does not look there, but it
     * satisfies libheif's dependencies with libraries already loaded under the same name. They depend on one
     * another, so each round loads those whose own dependencies are in, until a round loads none.
     */
    private static void preloadBundledDependencies(List<String> failures) {
        String bundled = System.getProperty(PATH_PROPERTY);
        if (bundled == null || bundled.isBlank() || !Files.isRegularFile(Path.of(bundled))) {
            return;
        }
        Path library = Path.of(bundled).toAbsolutePath();
        List<Path> pending = new ArrayList<>();
        try (var files = Files.list(library.getParent())) {
            files.filter(file -> !file.equals(library) && file.getFileName().toString().contains(".so"))
                    .sorted().forEach(pending::add);
        } catch (IOException e) {
            failures.add(library.getParent() + ": " + e.getMessage());
            return;
        }
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Path dependency = it.next();
                try {
                    NativeLibrary.getInstance(dependency.toString());
                    it.remove();
                    progress = true;
                } catch (LinkageError | RuntimeException e) {
                    // Its own dependency may come later in this round; tried again in the next.
                }
            }
        }
        pending.forEach(left -> failures.add(left.getFileName() + " could not be loaded"));
    }

    private static List<String> candidates() {
        List<String> candidates = new ArrayList<>();
        String bundled = System.getProperty(PATH_PROPERTY);
        if (bundled != null && !bundled.isBlank() && Files.isRegularFile(Path.of(bundled))) {
            candidates.add(Path.of(bundled).toAbsolutePath().toString());
        }
        // Debian and Ubuntu ship only the versioned name at run time (the unversioned one is in the -dev package).
        if (Platform.isLinux()) {
            candidates.add("libheif.so.1");
        }
        candidates.add("heif");
        return candidates;
    }
}
