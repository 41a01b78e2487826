package ai.haski.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

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

    /** The public photos folder; fails with instructions when it has not been fetched. */
    public static Path photos() {
        Path dir = Path.of(System.getProperty("haski.photos",
                System.getProperty("user.home") + "/.cache/haski-public-photos"));
        if (!Files.isRegularFile(dir.resolve("PROVENANCE.tsv"))) {
            throw new IllegalStateException("The public test photos are missing from " + dir
                    + ": run ../shared/corpus/fetch-public-photos.sh " + dir + " (as .ci/run does)");
        }
        return dir;
    }

    /** One public photo by file name. */
    public static Path photo(String name) {
        Path file = photos().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("public photo " + name + " is missing from " + photos());
        }
        return file;
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
