package ai.haski.desktop.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lets one batch at a time analyse a session, across windows and processes: an OS lock on a small file beside the
 * session file, which the OS releases even when the process is killed.
 *
 * <p>Two batches at once would be safe (a result is saved once per photo and model) but would analyse the same
 * photos twice over; this says so instead. The lock is not on the session file itself, because SQLite's own locks
 * there are POSIX locks that closing any other handle to the file would silently drop.
 */
final class BatchLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private BatchLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of this session file, or says who has it. */
    static BatchLock acquire(Path sessionFile) throws SessionException {
        Path file = sessionFile.resolveSibling(sessionFile.getFileName() + ".batch-lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new SessionException("Cannot create " + file + " to mark session " + sessionFile + " as being "
                    + "analysed (" + e.getMessage() + "). Check that you may write to that folder.", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SessionException("Cannot lock " + file + " (" + e.getMessage() + "). Check the disk and "
                    + "try again.", e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new SessionException("Session " + sessionFile + " is already being analysed by another Haski "
                    + "Desktop window or command. Let that run finish (or stop it), then start again; what it saves "
                    + "is kept.");
        }
        return new BatchLock(file, channel, lock);
    }

    @Override
    public void close() {
        try {
            // Removed before release so that no lock file is left beside the session. A process that opened the old
            // file in that instant could still lock it while a third locks a new one: that costs work done twice,
            // never a wrong or duplicated result.
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover empty lock file is harmless: the next batch locks it again.
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it anyway.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written to it.
        }
    }
}
