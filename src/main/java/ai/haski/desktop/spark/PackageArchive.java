package ai.haski.desktop.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A model package folder zipped for {@code SparkContext.addArchive}, which ships it to every executor and unpacks it
 * in the executor's working folder: the one way that works for a package on the driver's disk under every cluster
 * manager (Spark refuses {@code addFile} of a local folder outside local mode).
 */
final class PackageArchive {
    private PackageArchive() {}

    /**
     * Zips {@code packageFolder} into a temporary file whose entries start with the folder's name, so the unpacked
     * archive is a model folder holding that one package. The file is deleted when the JVM exits.
     */
    static Path zip(Path packageFolder) throws IOException {
        Path zip = Files.createTempFile("haski-model-", ".zip");
        zip.toFile().deleteOnExit();
        String top = packageFolder.getFileName().toString();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
                Stream<Path> walk = Files.walk(packageFolder)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                String name = top + "/" + packageFolder.relativize(file).toString().replace('\\', '/');
                entries.putNextEntry(new ZipEntry(name));
                Files.copy(file, entries);
                entries.closeEntry();
            }
        }
        return zip;
    }
}
