package ai.haski.desktop.platform;

import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Points JNA at its own native part ({@code libjnidispatch}) before JNA is first used, so that JNA never unpacks it
 * into a temporary folder.
 *
 * <p>JNA's default is to copy the library out of its jar into {@code java.io.tmpdir} (or {@code ~/.cache/JNA}) on
 * every start, which fails where {@code /tmp} is mounted noexec and writes files the packaging test forbids. The
 * packaged app ships the library unpacked and sets {@value #BOOT_PATH_PROPERTY} in its launcher options; anywhere
 * else it is unpacked once into the per-user cache, like the inference runtimes' libraries.
 */
public final class JnaNativeDispatch {
    public static final String BOOT_PATH_PROPERTY = "jna.boot.library.path";
    private static final String NO_UNPACK_PROPERTY = "jna.nounpack";
    // Must match the jna artifact in pom.xml: the cache folder is per version so an upgrade never reuses a stale copy.
    private static final String JNA_VERSION = "5.17.0";

    private JnaNativeDispatch() {}

    /**
     * Why a library bound through JNA is not to be loaded in this process, or empty when it may be: switched off by
     * {@code -DswitchProperty=off}, or JNA itself unusable here. Prepares JNA when it can be.
     */
    public static Optional<String> whyNotLoad(String switchProperty) {
        String wanted = System.getProperty(switchProperty, "on").trim().toLowerCase(java.util.Locale.ROOT);
        if (wanted.equals("off") || wanted.equals("false")) {
            return Optional.of("switched off by -D" + switchProperty + "=" + wanted);
        }
        try {
            if (prepare().isEmpty()) {
                return Optional.of("JNA has no native library for " + com.sun.jna.Platform.RESOURCE_PREFIX);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("JNA's native library could not be prepared: " + e);
        }
        return Optional.empty();
    }

    /**
     * Makes sure JNA will load its dispatch library from a folder of ours.
     *
     * @return the folder, or empty (with JNA left untouched) when the jar has no library for this platform
     */
    public static Optional<Path> prepare() throws IOException {
        // Forbids JNA's own unpacking outright: if our folder were unusable, JNA fails instead of writing to /tmp.
        System.setProperty(NO_UNPACK_PROPERTY, "true");
        String configured = System.getProperty(BOOT_PATH_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String fileName = System.mapLibraryName("jnidispatch");
        // Platform only reads system properties; it loads nothing native, so JNA is still unloaded here.
        String resource = "/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + fileName;
        NativeLibraryCache cache = new NativeLibraryCache(AppPaths.current().cacheDir().resolve("native")
                .resolve("jna-" + JNA_VERSION).resolve(Platform.RESOURCE_PREFIX));
        Optional<Path> library = cache.unpack(resource, fileName);
        library.ifPresent(path -> System.setProperty(BOOT_PATH_PROPERTY, path.getParent().toString()));
        return library.map(Path::getParent);
    }
}
