package ai.haski.desktop.session;

import ai.haski.desktop.model.Sha256;
import ai.haski.desktop.platform.AppPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where session files live: the per-user default for a folder, or a file the user names. */
public final class SessionFiles {
    /** Every session file ends with this, so that a photo or a document is never taken for one. */
    public static final String EXTENSION = ".haski-session";
    /** Hex digits of the folder path's SHA-256 in a default file name: 64 bits, no collision in practice. */
    private static final int NAME_HEX_DIGITS = 16;

    private SessionFiles() {}

    /** The per-user folder that holds default session files. */
    public static Path sessionsDir(AppPaths paths) {
        return paths.dataDir().resolve("sessions");
    }

    /**
     * The default session file of a folder: named after the SHA-256 of its real path, so opening the same folder
     * again (by any path that leads to it) reopens the same session.
     */
    public static Path defaultFor(AppPaths paths, Path folder) throws SessionException {
        Path real = realFolder(folder);
        String hash = Sha256.of(real.toString().getBytes(StandardCharsets.UTF_8)).substring(0, NAME_HEX_DIGITS);
        return sessionsDir(paths).resolve(hash + EXTENSION);
    }

    /** The folder's real path (links resolved); fails with a message when it is not a readable folder. */
    public static Path realFolder(Path folder) throws SessionException {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SessionException("The folder " + folder + " does not exist. Check the path; if the photos "
                    + "were moved, give their new folder.", e);
        } catch (IOException e) {
            throw new SessionException("The folder " + folder + " cannot be opened (" + e.getMessage() + "). "
                    + "Check that the drive is connected and that you may read it.", e);
        }
        if (!Files.isDirectory(real)) {
            throw new SessionException(folder + " is a file, not a folder. A session reviews a folder of photos: "
                    + "give the folder that holds it.");
        }
        return real;
    }

    /**
     * Checks a user-named session file's extension, so that a typo cannot turn a photo into a database. A symbolic
     * link is followed and its target checked the same way (a link named {@code x.haski-session} to {@code notes.txt}
     * is refused); a link to nothing is refused, so that no session is ever created at a place the name does not
     * show. Returns the file to open: the absolute path, or the link's real target.
     */
    public static Path requireSessionName(Path file) throws SessionException {
        requireExtension(file, file);
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isSymbolicLink(absolute)) {
            return absolute;
        }
        Path target;
        try {
            target = absolute.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SessionException(file + " is a symbolic link to " + linkTarget(absolute) + ", which does not "
                    + "exist. A session is never created through a link: give the path where the session file "
                    + "should be.", e);
        } catch (IOException e) {
            throw new SessionException(file + " is a symbolic link that cannot be followed (" + e.getMessage()
                    + "). Give the session file itself.", e);
        }
        requireExtension(target, file);
        if (!Files.isRegularFile(target)) {
            throw new SessionException(file + " is a symbolic link to " + target + ", which is not a file. Give the "
                    + "session file itself.");
        }
        return target;
    }

    private static void requireExtension(Path file, Path given) throws SessionException {
        Path name = file.getFileName();
        if (name == null || !name.toString().endsWith(EXTENSION) || name.toString().equals(EXTENSION)) {
            String what = file.equals(given) ? file + " is not" : given + " is a symbolic link to " + file
                    + ", which is not";
            throw new SessionException("A session file must be named like NAME" + EXTENSION + "; " + what
                    + ". Choose a name that ends in " + EXTENSION + ".");
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a path that cannot be read";
        }
    }
}
