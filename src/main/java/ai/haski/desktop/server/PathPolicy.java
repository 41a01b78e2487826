package ai.haski.desktop.server;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether {@code /api/v1/analyze/file} may read a path, and opens it: only inside the one folder the user
 * allowed, with no {@code ..} and no symbolic link leading out of it.
 *
 * <p>Checking a path and then opening it by name is a race: between the two, a folder on the way can be swapped
 * for a link to somewhere else. So the real path is only used to find the file; the file is then opened by walking
 * that real path from the allowed folder one name at a time, refusing to follow any link ({@code openat} with
 * {@code O_NOFOLLOW}, through {@link SecureDirectoryStream}). A real path has no links in it, so a link met on the
 * walk means something changed on the way, and the request is refused. What is analysed is read from the channel
 * so opened, never from the path again.
 *
 * <p>Hard links are the user's choice: a hard link inside the folder is that file, wherever else it also appears,
 * and making one needs write access to the folder, which is the user's own. Files with several links are analysed.
 *
 * <p>Where the platform has no {@code SecureDirectoryStream} (Windows, and macOS on some JDKs), the file is
 * opened by its real path without following a final link and its real path is checked again after opening; a
 * folder swapped on the way in between cannot be ruled out there.
 */
final class PathPolicy {
    private final Optional<Path> realRoot;

    /** A file opened for analysis, and the path to report for it. */
    record OpenedFile(Path reported, SeekableByteChannel channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    PathPolicy(Optional<Path> allowedRoot) throws IOException {
        this.realRoot = allowedRoot.isEmpty() ? Optional.empty() : Optional.of(allowedRoot.get().toRealPath());
    }

    boolean enabled() {
        return realRoot.isPresent();
    }

    /** Refuses at once when the endpoint is off, before anything of the request is read. */
    void requireEnabled() throws ApiException {
        if (realRoot.isEmpty()) {
            throw new ApiException(new ApiError(403, "PATHS_DISABLED",
                    "analysing local paths is disabled; start serve with --allow-paths DIR to allow one folder"));
        }
    }

    /** The file to analyse, opened as described above, or an error saying why the path is refused. */
    OpenedFile open(String requested) throws ApiException {
        Path real = resolve(requested);
        Path root = realRoot.orElseThrow();
        try {
            DirectoryStream<Path> rootStream = Files.newDirectoryStream(root);
            if (rootStream instanceof SecureDirectoryStream<Path> secure) {
                return new OpenedFile(real, walk(secure, root.relativize(real), requested));
            }
            rootStream.close();
            return new OpenedFile(real, openByRealPath(real, requested));
        } catch (IOException e) {
            throw notFound(requested, e);
        }
    }

    /** The real path of the requested file, checked to lie inside the allowed folder. */
    Path resolve(String requested) throws ApiException {
        requireEnabled();
        Path root = realRoot.orElseThrow();
        if (requested == null || requested.isBlank()) {
            throw new ApiException(new ApiError(400, "BAD_REQUEST", "send {\"path\": \"...\"} with a file path"));
        }
        if (requested.indexOf('\0') >= 0) {
            throw new ApiException(new ApiError(400, "BAD_REQUEST", "the path contains a NUL character"));
        }
        Path path;
        try {
            path = Path.of(requested);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ApiException(new ApiError(400, "BAD_REQUEST", "the path is not a valid file path"));
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw outside(requested);
            }
        }
        Path absolute = path.isAbsolute() ? path : root.resolve(path);
        if (!absolute.normalize().startsWith(root)) {
            throw outside(requested);
        }
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.exists(absolute)) {
            throw new ApiException(new ApiError(404, "FILE_NOT_FOUND", requested + " does not exist"));
        }
        try {
            Path real = absolute.toRealPath();
            if (!real.startsWith(root) || real.equals(root)) {
                throw outside(requested);
            }
            return real;
        } catch (IOException e) {
            // A dangling symbolic link, or a file that vanished between the two checks.
            throw notFound(requested, e);
        }
    }

    /** Opens {@code relative} under the already open root without following any link on the way. */
    private SeekableByteChannel walk(SecureDirectoryStream<Path> root, Path relative, String requested)
            throws IOException, ApiException {
        SecureDirectoryStream<Path> folder = root;
        try {
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                SecureDirectoryStream<Path> next;
                try {
                    next = folder.newDirectoryStream(relative.getName(i), LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    throw e;
                } catch (FileSystemException e) {
                    // ELOOP or ENOTDIR: a link, or no folder, where the real path had a folder a moment ago.
                    throw changed(requested);
                }
                folder.close();
                folder = next;
            }
            Path name = relative.getFileName();
            BasicFileAttributes attributes = folder.getFileAttributeView(name, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            if (attributes.isSymbolicLink()) {
                throw changed(requested);
            }
            requireRegular(attributes, requested);
            try {
                return folder.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            } catch (NoSuchFileException e) {
                throw e;
            } catch (FileSystemException e) {
                throw changed(requested);
            }
        } finally {
            folder.close();
        }
    }

    private SeekableByteChannel openByRealPath(Path real, String requested) throws IOException, ApiException {
        requireRegular(Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), requested);
        SeekableByteChannel channel = Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        if (!real.toRealPath().equals(real)) {
            channel.close();
            throw changed(requested);
        }
        return channel;
    }

    /** A FIFO or device would block the reader or never end; only ordinary files are opened. */
    private static void requireRegular(BasicFileAttributes attributes, String requested) throws ApiException {
        if (!attributes.isRegularFile()) {
            throw new ApiException(new ApiError(400, "NOT_A_REGULAR_FILE", requested
                    + " is not an ordinary file (a folder, pipe, device or socket)"));
        }
    }

    private static ApiException notFound(String requested, IOException e) {
        String reason = e instanceof NoSuchFileException ? "it does not exist" : "it cannot be read";
        return new ApiException(new ApiError(404, "FILE_NOT_FOUND", requested + " cannot be resolved: " + reason));
    }

    private ApiException changed(String requested) {
        return new ApiException(new ApiError(403, "PATH_NOT_ALLOWED", requested
                + " changed while it was being opened (a symbolic link appeared on the way); refused, as it might "
                + "lead outside the folder allowed with --allow-paths (" + realRoot.orElseThrow() + ")"));
    }

    private ApiException outside(String requested) {
        return new ApiException(new ApiError(403, "PATH_NOT_ALLOWED", requested
                + " is outside the folder allowed with --allow-paths (" + realRoot.orElseThrow() + ")"));
    }
}
