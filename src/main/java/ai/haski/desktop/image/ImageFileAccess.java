package ai.haski.desktop.image;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/** Checks that a path is an ordinary, non-empty file and opens it for ImageIO, with a user-facing reason when not. */
final class ImageFileAccess {
    private ImageFileAccess() {}

    /**
     * Looks at the file's attributes without opening it: opening a FIFO named {@code x.jpg} would block until some
     * other process writes to it, and a device file could stream forever.
     */
    static void requireNonEmptyRegularFile(Path file) throws ImageDecodeException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw openFailure(file, e);
        }
        if (attributes.isDirectory()) {
            throw new ImageDecodeException(ImageErrorCode.NOT_A_REGULAR_FILE, file,
                    "it is a folder, not an image file",
                    "Open the folder itself, or choose one of the images inside it.");
        }
        if (!attributes.isRegularFile()) {
            throw new ImageDecodeException(ImageErrorCode.NOT_A_REGULAR_FILE, file,
                    "it is not an ordinary file (it is a pipe, a device or a socket)",
                    "Copy the image into an ordinary file and open that.");
        }
        if (attributes.size() == 0) {
            throw new ImageDecodeException(ImageErrorCode.EMPTY_FILE, file,
                    "the file is empty (0 bytes)",
                    "Copy the photo again from its source; the copy may have been interrupted.");
        }
    }

    /** A seekable, buffered ImageIO stream over the file; the caller closes it. */
    static ImageInputStream open(Path file) throws ImageDecodeException {
        RandomAccessFile randomAccess;
        try {
            randomAccess = new RandomAccessFile(file.toFile(), "r");
        } catch (FileNotFoundException e) {
            // RandomAccessFile says "not found" for every failure; NIO names the real one.
            throw openFailure(file, reasonFor(file, e));
        }
        try {
            // With TwelveMonkeys on the class path this is its buffered stream; the JDK's own reads byte by byte.
            ImageInputStream stream = ImageIO.createImageInputStream(randomAccess);
            if (stream == null) {
                throw new IOException("ImageIO has no stream provider for files");
            }
            return stream;
        } catch (IOException e) {
            closeQuietly(randomAccess);
            throw openFailure(file, e);
        }
    }

    /** The user-facing failure for an I/O error met while looking at or opening the file. */
    static ImageDecodeException openFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ImageDecodeException(ImageErrorCode.FILE_NOT_FOUND, file,
                    "the file does not exist (it may have been moved, renamed or deleted)",
                    "Check the path, or rescan the folder.", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ImageDecodeException(ImageErrorCode.UNREADABLE, file,
                    "this app is not allowed to read it (permission denied)",
                    "Check the file's permissions, or copy it to a folder you can read.", e);
        }
        return new ImageDecodeException(ImageErrorCode.READ_FAILED, file,
                "it could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                "Check the disk or network share and try again.", e);
    }

    private static IOException reasonFor(Path file, FileNotFoundException original) {
        try {
            Files.newByteChannel(file).close();
            return original;
        } catch (IOException precise) {
            return precise;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Nothing was written; a failing close of a read-only file changes nothing for the user.
        }
    }
}
