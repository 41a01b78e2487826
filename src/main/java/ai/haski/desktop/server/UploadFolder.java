package ai.haski.desktop.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private folder for uploaded photos while they are analysed: readable by this user only, each file deleted as
 * soon as its answer is sent, and the folder removed when the server stops. Patient photos are not kept.
 */
final class UploadFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadFolder.class);
    private final Path folder;

    UploadFolder(Path parent) throws IOException {
        Files.createDirectories(parent);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            folder = Files.createTempDirectory(parent, "uploads-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            folder = Files.createTempDirectory(parent, "uploads-");
        }
    }

    Path folder() {
        return folder;
    }

    Path newFile() throws IOException {
        return Files.createTempFile(folder, "photo-", ".upload");
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete uploaded photo {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(this::delete);
        } catch (IOException e) {
            LOG.warn("Could not remove upload folder {}: {}", folder, e.getMessage());
        }
    }
}
