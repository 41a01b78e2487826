package ai.haski.desktop.session;

import java.nio.file.Path;

/**
 * A session file was opened for a folder other than its own: the photos may have moved (then relink it) or the
 * wrong file was named.
 */
public final class FolderMismatchException extends SessionException {
    private static final long serialVersionUID = 1L;

    private final transient Path sessionRoot;
    private final transient Path requestedFolder;

    FolderMismatchException(Path file, Path sessionRoot, Path requestedFolder) {
        super("Session file " + file + " belongs to the folder " + sessionRoot + ", not " + requestedFolder + ". If "
                + "the photos were moved there, relink the session to the new folder (--relink on the command line); "
                + "otherwise name another session file.");
        this.sessionRoot = sessionRoot;
        this.requestedFolder = requestedFolder;
    }

    /** The folder the session was made for (or last relinked to). */
    public Path sessionRoot() {
        return sessionRoot;
    }

    /** The folder it was opened for. */
    public Path requestedFolder() {
        return requestedFolder;
    }
}
