package ai.haski.desktop.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * The encoding the JVM turns file names into bytes with ({@code sun.jnu.encoding}, chosen from the locale at start).
 * Under {@code LANG=C} it is ASCII, and a photo named {@code café.png} cannot be opened at all: Java cannot write
 * the name back as bytes. Windows names files in UTF-16 whatever this says, so only other systems are checked.
 */
public final class FileNameEncoding {
    private FileNameEncoding() {}

    /** The JVM's file-name encoding, as it names it. */
    public static String current() {
        return System.getProperty("sun.jnu.encoding", System.getProperty("file.encoding", "unknown"));
    }

    /** What to tell the user at start when file names are not read as UTF-8; empty when all is well. */
    public static Optional<String> warning() {
        return warning(current(), System.getProperty("os.name", ""));
    }

    static Optional<String> warning(String encoding, String osName) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") || isUtf8(encoding)) {
            return Optional.empty();
        }
        return Optional.of("file names are read as " + encoding + ", not UTF-8, because of the locale (LANG="
                + Optional.ofNullable(System.getenv("LANG")).orElse("") + "): photos whose names have accents or "
                + "other non-ASCII characters cannot be opened and are reported as failed. Start the app with a "
                + "UTF-8 locale, for example LANG=C.UTF-8.");
    }

    private static boolean isUtf8(String encoding) {
        String name = encoding.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return name.equals("UTF8");
    }

    /** Whether a file name read from a folder kept every byte: a name that was not valid UTF-8 comes back with U+FFFD. */
    public static boolean lostBytes(String name) {
        return name.indexOf('\uFFFD') >= 0;
    }
}
