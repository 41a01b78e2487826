package ai.haski.desktop.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model package folder as the bytes of a zip, for a Spark broadcast: the driver zips it, every executor gets the
 * bytes once with the job and unpacks them into a folder of its own. A broadcast, not {@code addFile} or
 * {@code addArchive}: Spark 4 runs a session's SQL jobs with that session's own artifacts, which do not include
 * what the SparkContext was given, and refuses {@code addFile} of a local folder outside local mode.
 */
final class PackageArchive {
    private PackageArchive() {}

    /** Zips the package folders; each one's entries start with its folder's name. */
    static byte[] zip(List<Path> packageFolders) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream entries = new ZipOutputStream(bytes)) {
            for (Path packageFolder : packageFolders) {
                String top = packageFolder.getFileName().toString();
                try (Stream<Path> walk = Files.walk(packageFolder)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String name = top + "/" + packageFolder.relativize(file).toString().replace('\\', '/');
                        entries.putNextEntry(new ZipEntry(name));
                        Files.copy(file, entries);
                        entries.closeEntry();
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Unpacks {@code zip} into a new temporary folder, which then holds the package folders: a model folder to
     * scan. It is deleted when the JVM exits.
     */
    static Path unzip(byte[] zip) {
        try {
            Path root = Files.createTempDirectory("haski-spark-model-");
            root.toFile().deleteOnExit();
            try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("the model archive names a path outside its folder: " + entry.getName());
                    }
                    Files.createDirectories(target.getParent());
                    target.getParent().toFile().deleteOnExit();
                    Files.copy(entries, target);
                    target.toFile().deleteOnExit();
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the model package on this executor: " + e.getMessage(), e);
        }
    }
}
