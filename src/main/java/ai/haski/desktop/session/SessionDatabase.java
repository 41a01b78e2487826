package ai.haski.desktop.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One connection to a session file, configured for durability, checked to be a Haski session of a version this app
 * knows, migrated, and shared by the threads of one process one at a time.
 *
 * <p>WAL journal: readers (an export, another window) never block the writer and a killed process leaves the file
 * consistent. {@code synchronous=FULL}: every commit is on disk before it returns, so a result or a reviewer's
 * verdict that the app reported as saved survives a power cut too; the fsync it costs is a few milliseconds against
 * the tens to hundreds a photo takes to decode and analyse, and a verdict cannot be recomputed.
 */
final class SessionDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionDatabase.class);
    /** How long to wait for another process's write to finish before giving up with a "locked" message. */
    static final int DEFAULT_BUSY_TIMEOUT_MS = 10_000;

    /** Database work; SQL errors become {@link SessionException}s that name the file. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int transactionDepth;

    private SessionDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens a session file for reading and writing, creating it when {@code create} is set, and migrates it to the
     * latest schema.
     */
    static SessionDatabase open(Path file, boolean create, int busyTimeoutMs) throws SessionException {
        boolean exists = Files.exists(file);
        if (!exists && !create) {
            throw new SessionException("There is no session file " + file + ". Check the name, or run `review` on "
                    + "the folder first to create its session.");
        }
        if (exists && !Files.isRegularFile(file)) {
            throw new SessionException(file + " is not a session file (it is a folder or a special file). Name a "
                    + "file ending in " + SessionFiles.EXTENSION + ".");
        }
        if (!exists) {
            createParent(file);
        }
        SQLiteConfig config = baseConfig(busyTimeoutMs);
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        Connection connection = connect(file, config, "open");
        try {
            int version = checkIdentityAndVersion(file, connection);
            try (Statement statement = connection.createStatement()) {
                try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                        LOG.warn("Session file {} could not use a write-ahead log; it keeps its rollback journal",
                                file.getFileName());
                    }
                }
                statement.execute("PRAGMA synchronous = FULL");
            }
            SessionDatabase database = new SessionDatabase(file, connection);
            if (version < SchemaMigrations.latest()) {
                database.write("upgrade the session to the current format", c -> {
                    // Read again inside the write lock: another process may have migrated it meanwhile.
                    int current = userVersion(c);
                    if (current < SchemaMigrations.latest()) {
                        LOG.info("Migrating session {} from schema {} to {}", file.getFileName(), current,
                                SchemaMigrations.latest());
                        SchemaMigrations.migrate(c, current, SchemaMigrations.latest());
                    }
                    return null;
                });
            }
            return database;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.translate(file, "open the session", e);
        } catch (SessionException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Opens an existing, current session file read-only: a second connection for a consistent export. */
    static SessionDatabase openReadOnly(Path file) throws SessionException {
        if (!Files.isRegularFile(file)) {
            throw new SessionException("There is no session file " + file + ".");
        }
        Connection connection = readOnlyConnection(file);
        try {
            int version = checkIdentityAndVersion(file, connection);
            if (version != SchemaMigrations.latest()) {
                throw new NeedsUpgradeException("Session file " + file + " has not been upgraded to this app's "
                        + "format yet; open it for writing first.");
            }
            return new SessionDatabase(file, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.translate(file, "read the session", e);
        } catch (SessionException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** A session file of an older format, which must be opened for writing once to be upgraded. */
    static final class NeedsUpgradeException extends SessionException {
        private static final long serialVersionUID = 1L;

        NeedsUpgradeException(String message) {
            super(message);
        }
    }

    /** Runs read-only work; it sees every transaction committed before it. */
    <T> T read(String doing, SqlWork<T> work) throws SessionException {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(file, doing, e);
        } catch (StoredCells.DamagedCellException e) {
            throw damaged(doing, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs work in one transaction: all of it is committed (and on disk) or none of it is. BEGIN IMMEDIATE takes the
     * write lock up front, waiting up to the busy timeout for another process's write, so a transaction never fails
     * half-way for want of the lock.
     */
    <T> T write(String doing, SqlWork<T> work) throws SessionException {
        return transaction(doing, "BEGIN IMMEDIATE", work);
    }

    /**
     * Runs several reads in one read transaction, so they all see the same state of the file. A deferred BEGIN takes
     * no write lock: other processes go on writing, and this work does not see their changes until it ends.
     */
    <T> T snapshot(String doing, SqlWork<T> work) throws SessionException {
        return transaction(doing, "BEGIN DEFERRED", work);
    }

    // Transactions are plain SQL on an auto-commit connection: the driver's setAutoCommit(false) loses track of its
    // state when the BEGIN it sends fails with SQLITE_BUSY, and then hides that error behind another.
    private <T> T transaction(String doing, String begin, SqlWork<T> work) throws SessionException {
        lock.lock();
        try {
            if (transactionDepth > 0) {
                return work.run(connection);
            }
            execute(begin);
            transactionDepth++;
            boolean committed = false;
            try {
                T result = work.run(connection);
                execute("COMMIT");
                committed = true;
                return result;
            } finally {
                transactionDepth--;
                if (!committed) {
                    rollbackQuietly();
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(file, doing, e);
        } catch (StoredCells.DamagedCellException e) {
            throw damaged(doing, e);
        } finally {
            lock.unlock();
        }
    }

    private SessionException damaged(String doing, StoredCells.DamagedCellException e) {
        LOG.warn("Session {} holds a damaged cell: {}", file.getFileName(), e.getMessage());
        return new SessionException("Cannot " + doing + ": session file " + file + " is damaged (" + e.getMessage()
                + "). Your photos are untouched. Restore the file from a backup, or correct that cell with an "
                + "SQLite tool; running `review` with a new --session file analyses the photos again.", e);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing session {} failed: {}", file.getFileName(), e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /**
     * A read-only connection that has read the file once. A session in WAL mode needs its {@code -shm} file beside it
     * even to be read, and a read-only folder (a write-protected share, a DVD) cannot hold one; nobody can write the
     * session there either, so it is then read as an immutable file, unless a {@code -wal} file beside it holds
     * changes that are not in the file yet.
     */
    private static Connection readOnlyConnection(Path file) throws SessionException {
        SQLiteConfig config = baseConfig(DEFAULT_BUSY_TIMEOUT_MS);
        config.setReadOnly(true);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            userVersion(connection);
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                closeQuietly(connection);
            }
            if (!ReadOnlyFolders.isReadOnly(file.toAbsolutePath().getParent())) {
                throw SqlErrors.translate(file, "read the session", e);
            }
            return ReadOnlyFolders.immutableConnection(file, baseConfig(DEFAULT_BUSY_TIMEOUT_MS));
        }
    }

    private static SQLiteConfig baseConfig(int busyTimeoutMs) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMs);
        config.enforceForeignKeys(true);
        return config;
    }

    private static Connection connect(Path file, SQLiteConfig config, String doing) throws SessionException {
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw SqlErrors.translate(file, doing + " the session", e);
        }
    }

    /** Refuses other programs' databases and files from a newer app, before anything is written to them. */
    private static int checkIdentityAndVersion(Path file, Connection connection) throws SQLException, SessionException {
        int applicationId;
        int tables;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA application_id")) {
                applicationId = rows.next() ? rows.getInt(1) : 0;
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
                tables = rows.next() ? rows.getInt(1) : 0;
            }
        }
        if (applicationId != SchemaMigrations.APPLICATION_ID && !(applicationId == 0 && tables == 0)) {
            throw new SessionException(file + " is a database of another program, not a Haski session; it was "
                    + "left unchanged. Choose another file name for the session.");
        }
        int version = userVersion(connection);
        if (version > SchemaMigrations.latest()) {
            throw new SessionException("Session file " + file + " was written by a newer Haski Desktop (session "
                    + "format " + version + "; this app knows up to " + SchemaMigrations.latest() + "). Update Haski "
                    + "Desktop to open it; the file was left unchanged.");
        }
        return version;
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void createParent(Path file) throws SessionException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SessionException("Cannot create the folder " + parent + " for session file "
                    + file.getFileName() + " (" + e.getMessage() + "). Check its permissions, or choose another "
                    + "place with --session.", e);
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // After some errors (SQLITE_FULL, some I/O errors) SQLite has already rolled back by itself, and says
            // "no transaction is active"; otherwise the transaction is abandoned and rolled back at close.
            LOG.debug("Rollback on session {} failed: {}", file.getFileName(), e.getMessage());
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Opening failed already; that failure is the one the user needs to see.
        }
    }
}
