package ai.haski.desktop.image;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A whole file read into native memory for a native decoder, or the reason it was not: the fast paths decline such
 * files and leave them to ImageIO, which streams instead and reports read failures in the user's words.
 */
final class FileInMemory {
    /** Larger files go to ImageIO, which streams instead of holding the whole file in memory. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private FileInMemory() {}

    /** The file's bytes, with a view of them; close the memory when done. */
    record Contents(Memory memory, long size, ByteBuffer view) implements AutoCloseable {
        @Override
        public void close() {
            memory.close();
        }
    }

    /** Thrown for a file the fast path will not read; the message says why, for the debug log. */
    static final class Declined extends Exception {
        Declined(String reason) {
            super(reason, null, false, false);
        }
    }

    static Contents read(Path file) throws Declined {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= 0 || size > MAX_FILE_BYTES) {
                throw new Declined("its size of " + size + " bytes is outside the fast path's range");
            }
            Memory memory = new Memory(size);
            ByteBuffer view = memory.getByteBuffer(0, size);
            while (view.hasRemaining()) {
                if (channel.read(view) < 0) {
                    memory.close();
                    throw new Declined("it became shorter while being read");
                }
            }
            view.flip();
            return new Contents(memory, size, view);
        } catch (IOException e) {
            throw new Declined("it could not be read (" + e + ")");
        }
    }
}
