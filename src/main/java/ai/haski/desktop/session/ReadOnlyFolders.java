package ai.haski.desktop.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Reading a session file that lies in a folder nobody may write to. */
final class ReadOnlyFolders {
    private ReadOnlyFolders() {}

    /**
     * Whether files can be made in the folder. Tried, not read from its permissions: root ignores those, and a
     * read-only mount refuses everyone whatever they say.
     */
    static boolean isReadOnly(Path folder) {
        try {
            Path probe = Files.createTempFile(folder, ".haski-write-probe", ".tmp");
            Files.deleteIfExists(probe);
            return false;
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    /** The file opened as immutable: SQLite then needs no {@code -shm} file and takes no locks. */
    static Connection immutableConnection(Path file, SQLiteConfig config) throws SessionException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            if (Files.exists(wal) && Files.size(wal) > 0) {
                throw new SessionException("Session file " + file + " has changes in " + wal.getFileName()
                        + " that are not in the file yet, and its folder is read-only, so they cannot be read. Copy "
                        + "both files to a folder you may write to and export from there.");
            }
        } catch (IOException e) {
            throw new SessionException("Cannot read " + wal + " (" + e.getMessage() + ").", e);
        }
        config.setReadOnly(true);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri()
                    + "?immutable=1");
            SessionDatabase.userVersion(connection);
            return connection;
        } catch (SQLException e) {
            throw SqlErrors.translate(file, "read the session", e);
        }
    }
}
