package ai.haski.desktop.platform;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the application keeps its files: the bundled models, and the per-user data, cache and log folders.
 *
 * <p>User data never goes inside the installation: on Linux it follows the XDG base directories, on macOS
 * {@code ~/Library}, on Windows {@code %APPDATA%} and {@code %LOCALAPPDATA%}. Every location can be overridden
 * with a system property so that tests and packaged launchers can pin them.
 *
 * <p>The home folder is {@code $HOME} where it is set (and absolute), as for any Linux or macOS desktop program:
 * the JVM's {@code user.home} comes from the password database instead, so {@code HOME=/tmp/x haski-desktop ...}
 * would otherwise still write into the account's own folders.
 */
public final class AppPaths {
    /** Overrides the folder of bundled model packages. */
    public static final String MODELS_DIR_PROPERTY = "haski.models.dir";
    /** Overrides the per-user data folder (settings, user models, sessions, logs). */
    public static final String DATA_DIR_PROPERTY = "haski.data.dir";
    /** Overrides the per-user cache folder (extracted native libraries). */
    public static final String CACHE_DIR_PROPERTY = "haski.cache.dir";

    private static final String APP_FOLDER_UNIX = "haski-desktop";
    private static final String APP_FOLDER_DESKTOP = "Haski Desktop";

    private final Map<String, String> env;
    private final String osName;
    private final Path home;

    AppPaths(Map<String, String> env, String osName, Path home) {
        this.env = env;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
    }

    /** The paths of the running process, from its environment and system properties. */
    public static AppPaths current() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** The paths for this environment, OS name and JVM {@code user.home}: {@code $HOME} wins where it counts. */
    static AppPaths of(Map<String, String> env, String osName, String userHome) {
        return new AppPaths(env, osName, home(env, osName, userHome));
    }

    /**
     * {@code $HOME} when set to an absolute path, else {@code user.home}. Not on Windows: its programs take the
     * profile folder, and a {@code HOME} there is usually a Unix shell's ({@code /c/Users/ana}), not a Windows path.
     */
    static Path home(Map<String, String> env, String osName, String userHome) {
        String variable = env.get("HOME");
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows") && variable != null && !variable.isBlank()
                && Path.of(variable).isAbsolute()) {
            return Path.of(variable);
        }
        return Path.of(userHome);
    }

    /** The per-user data folder: settings, user model packages, sessions and logs live here. */
    public Path dataDir() {
        String override = System.getProperty(DATA_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (isWindows()) {
            return Path.of(env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString()), APP_FOLDER_DESKTOP);
        }
        if (isMac()) {
            return home.resolve("Library/Application Support").resolve(APP_FOLDER_DESKTOP);
        }
        return xdg("XDG_DATA_HOME", ".local/share").resolve(APP_FOLDER_UNIX);
    }

    /** The per-user cache folder: things that can be rebuilt, such as native libraries unpacked from jars. */
    public Path cacheDir() {
        String override = System.getProperty(CACHE_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (isWindows()) {
            return Path.of(env.getOrDefault("LOCALAPPDATA", home.resolve("AppData/Local").toString()), APP_FOLDER_DESKTOP, "cache");
        }
        if (isMac()) {
            return home.resolve("Library/Caches").resolve(APP_FOLDER_DESKTOP);
        }
        return xdg("XDG_CACHE_HOME", ".cache").resolve(APP_FOLDER_UNIX);
    }

    /** The folder where users put (or import) their own model packages. */
    public Path userModelsDir() {
        return dataDir().resolve("models");
    }

    /** The folder of the application's rotating log files. */
    public Path logDir() {
        return dataDir().resolve("logs");
    }

    /**
     * The folder of model packages shipped with the application: the system property if set, else
     * {@code models/} beside the folder holding the application jar (the repository layout after
     * {@code mvn package}: {@code target/haski-desktop.jar} and {@code models/}), else {@code ./models}.
     */
    public Optional<Path> bundledModelsDir() {
        String override = System.getProperty(MODELS_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        Optional<Path> besideJar = codeLocation().map(location -> location.getParent())
                .map(folder -> folder == null ? null : folder.resolve("models"))
                .filter(Files::isDirectory);
        if (besideJar.isPresent()) {
            return besideJar;
        }
        Path working = Path.of("models").toAbsolutePath();
        return Files.isDirectory(working) ? Optional.of(working) : Optional.empty();
    }

    private Optional<Path> codeLocation() {
        try {
            var source = AppPaths.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            // target/haski-desktop.jar -> target; target/classes -> target
            return Optional.ofNullable(Path.of(source.getLocation().toURI()).toAbsolutePath().getParent());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private Path xdg(String variable, String fallbackUnderHome) {
        String value = env.get(variable);
        // The XDG spec says relative values are invalid and must be ignored.
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return home.resolve(fallbackUnderHome);
    }

    private boolean isWindows() {
        return osName.startsWith("windows");
    }

    private boolean isMac() {
        return osName.startsWith("mac");
    }
}
