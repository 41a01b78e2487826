package ai.haski.desktop.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private folder for uploaded photos while they are analysed: readable by this user only, each file deleted as
 * soon as its answer is sent, and the folder removed when the server stops. Patient photos are not kept.
 */
final class UploadFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadFolder.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private final Path folder;

    UploadFolder(Path parent) throws IOException {
        Files.createDirectories(parent);
        if (POSIX) {
            folder = Files.createTempDirectory(parent, "uploads-", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            folder = Files.createTempDirectory(parent, "uploads-");
        }
    }

    /**
     * The folder, made again (private) if something removed it while the server runs, e.g. a user clearing the
     * cache: left to Jetty's multipart parser it would come back readable by everyone (mode 755).
     */
    Path folder() throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder.getParent());
            try {
                if (POSIX) {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectory(folder);
                }
                LOG.warn("The upload folder {} had been removed; made it again, private", folder);
            } catch (FileAlreadyExistsException e) {
                // Another request made it first.
            }
            if (POSIX) {
                // The umask may have narrowed the creation mode; this sets exactly owner-only either way.
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            }
        }
        return folder;
    }

    Path newFile() throws IOException {
        return Files.createTempFile(folder(), "photo-", ".upload");
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
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(this::delete);
        } catch (IOException e) {
            LOG.warn("Could not remove upload folder {}: {}", folder, e.getMessage());
        }
    }
}
