package ai.haski.desktop.platform;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a file all or nothing: into a temporary file in the target's folder, forced to disk, then renamed over the
 * target in one step. A failed write, a full disk or a killed process leaves the earlier file exactly as it was, and
 * never half a file under the target's name.
 */
public final class AtomicFiles {
    /** What the temporary file's name ends with: {@code .<target name>.<random>.partial}, hidden beside the target. */
    static final String PARTIAL_SUFFIX = ".partial";
    /**
     * A partial file untouched this long was left by a killed process: a live writer keeps changing its file. Removing
     * only old ones means a second process writing the same target at the same moment is never disturbed.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    /** What writes the content; it must not close the stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code bytes} to {@code target}, making its folder first if need be.
     *
     * @throws IOException when the folder cannot be written or the disk is full; {@code target} is then unchanged
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code target} with the given content, replacing any file there only once the content is complete and
     * on disk. The folder must exist: an export to a mistyped folder should be refused, not create it.
     *
     * @throws IOException when the folder is missing or cannot be written, or the disk is full; {@code target} is
     *     then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw new IOException("the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            // A rename would replace an empty folder without a word; name the mistake instead.
            throw new IOException(absolute + " is a folder; name a file");
        }
        removeAbandonedPartials(absolute);
        // Same folder, so the rename is within one file system and can be atomic.
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", PARTIAL_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some network file systems cannot rename atomically; a plain replace is the best they offer.
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            forceFolder(folder);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Deletes the partial files of this target that a killed writer left behind. */
    private static void removeAbandonedPartials(Path target) {
        Instant abandoned = Instant.now().minus(ABANDONED_AFTER);
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(target.getParent(), entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(PARTIAL_SUFFIX);
        })) {
            for (Path partial : partials) {
                if (Files.getLastModifiedTime(partial).toInstant().isBefore(abandoned)) {
                    Files.deleteIfExists(partial);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying is a courtesy; it must never stop the write itself.
        }
    }

    /** Makes the rename itself durable: on Linux a folder's entries reach the disk only when the folder is synced. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform or file system lets a folder be opened; the file itself is already on disk.
        }
    }
}
