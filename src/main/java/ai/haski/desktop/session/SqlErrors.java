package ai.haski.desktop.session;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/** Turns SQLite's error codes into messages that name the session file and say what the user can do. */
final class SqlErrors {
    // SQLite primary result codes (the low byte of an extended code); see sqlite.org/rescode.html.
    private static final int PERM = 3;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int NOTADB = 26;

    private SqlErrors() {}

    /**
     * The user-facing exception for a database error.
     *
     * @param doing what was being done, e.g. "save a result", for the message
     */
    static SessionException translate(Path file, String doing, SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        String detail = e.getMessage() == null ? "" : e.getMessage();
        String lower = detail.toLowerCase(Locale.ROOT);
        String message;
        if (primary == FULL || lower.contains("disk is full") || lower.contains("no space left")) {
            message = "Cannot " + doing + " in session file " + file + ": the disk is full. Free some space and "
                    + "run again; everything saved before is kept.";
        } else if (primary == BUSY || primary == LOCKED) {
            message = "Session file " + file + " is in use by another Haski Desktop window or command, which kept "
                    + "it locked too long to " + doing + ". Close the other one or let its analysis finish, then try "
                    + "again; nothing was lost.";
        } else if (primary == CORRUPT || primary == NOTADB) {
            message = "Session file " + file + " is damaged or is not a Haski session (" + detail + "). Your photos "
                    + "are untouched. Move the file aside (keep it for a support request) and run again to start a "
                    + "new session, or restore it from a backup.";
        } else if (primary == READONLY || primary == PERM || primary == CANTOPEN) {
            message = "Cannot " + doing + " in session file " + file + ": it cannot be opened for writing ("
                    + detail + "). Check the permissions of the file and its folder, or choose another place "
                    + "with --session.";
        } else if (primary == IOERR) {
            message = "Cannot " + doing + " in session file " + file + ": the disk reported an error (" + detail
                    + "). Check the disk or network share and run again; everything saved before is kept.";
        } else {
            message = "Cannot " + doing + " in session file " + file + ": " + detail;
        }
        return new SessionException(message, e);
    }
}
