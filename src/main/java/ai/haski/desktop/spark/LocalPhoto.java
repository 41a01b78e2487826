package ai.haski.desktop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A photo named by a Hadoop path, as a local file the analyzer can read: a local path as it is, anything else (HDFS,
 * S3, ...) copied to a temporary file of this task that {@link #close} deletes.
 */
final class LocalPhoto implements AutoCloseable {
    private final Path file;
    private final boolean temporary;

    private LocalPhoto(Path file, boolean temporary) {
        this.file = file;
        this.temporary = temporary;
    }

    /** The file to analyse for {@code path}. */
    static LocalPhoto fetch(org.apache.hadoop.fs.Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        if (isLocal(fs)) {
            return new LocalPhoto(Path.of(fs.makeQualified(path).toUri()), false);
        }
        // Keep the name's extension: the decoder's messages and format checks read it.
        String name = path.getName();
        int dot = name.lastIndexOf('.');
        Path copy = Files.createTempFile("haski-spark-", dot < 0 ? "" : name.substring(dot));
        try (InputStream in = fs.open(path)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new LocalPhoto(copy, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /** How a row names {@code path}: a local file by its path, as {@code analyze} prints it; others by their URI. */
    static String displayName(org.apache.hadoop.fs.Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        org.apache.hadoop.fs.Path qualified = fs.makeQualified(path);
        return isLocal(fs) ? Path.of(qualified.toUri()).toString() : qualified.toString();
    }

    private static boolean isLocal(FileSystem fs) {
        return fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(file);
        }
    }
}
