package ai.haski.desktop.session;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.AppVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of photos and everything done to them, kept in one SQLite file: the photo list, every model's results,
 * and the reviewers' verdicts, flags and notes. Safe to use from several threads; close it when done.
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final SessionDatabase db;
    private final Photos photos;
    private final Results results;
    private final Reviews reviews;
    private final Blinding blinding;
    private final PhotoListing listing;
    private volatile Path root;

    private Session(SessionDatabase db, Path root) {
        this.db = db;
        this.root = root;
        this.photos = new Photos(db);
        this.results = new Results(db);
        this.reviews = new Reviews(db);
        this.blinding = new Blinding(db);
        this.listing = new PhotoListing(db);
    }

    /** Opens the folder's session in the per-user sessions folder, creating it the first time. */
    public static Session open(Path folder, AppPaths paths) throws SessionException {
        return open(folder, SessionFiles.defaultFor(paths, folder));
    }

    /**
     * Opens the session file for the folder, creating it when it does not exist.
     *
     * @throws FolderMismatchException when the file belongs to another folder
     */
    public static Session open(Path folder, Path sessionFile) throws SessionException {
        return open(folder, sessionFile, SessionDatabase.DEFAULT_BUSY_TIMEOUT_MS);
    }

    static Session open(Path folder, Path sessionFile, int busyTimeoutMs) throws SessionException {
        Path real = SessionFiles.realFolder(folder);
        Path file = SessionFiles.requireSessionName(sessionFile);
        SessionDatabase db = SessionDatabase.open(file, true, busyTimeoutMs);
        try {
            Optional<Path> recorded = recordedRoot(db);
            if (recorded.isEmpty()) {
                createSessionRow(db, real);
                LOG.info("Created session {} for a folder", file.getFileName());
            } else if (!recorded.get().equals(real)) {
                throw new FolderMismatchException(file, recorded.get(), real);
            }
            return new Session(db, real);
        } catch (SessionException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens an existing session file, whichever folder it is for (which may have moved). */
    public static Session openFile(Path sessionFile) throws SessionException {
        return openFile(sessionFile, SessionDatabase.DEFAULT_BUSY_TIMEOUT_MS);
    }

    static Session openFile(Path sessionFile, int busyTimeoutMs) throws SessionException {
        Path file = SessionFiles.requireSessionName(sessionFile);
        SessionDatabase db = SessionDatabase.open(file, false, busyTimeoutMs);
        return onRecordedFolder(db, file);
    }

    /** The session over an opened file, on the folder the file records; the file is closed if it records none. */
    private static Session onRecordedFolder(SessionDatabase db, Path file) throws SessionException {
        try {
            Path recorded = recordedRoot(db).orElseThrow(() -> new SessionException("Session file " + file
                    + " records no folder (it was never finished). Run `review FOLDER --session " + file
                    + "` to start it on a folder."));
            return new Session(db, recorded);
        } catch (SessionException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens an existing session file to read it (an export): read-only, so that a session in a folder the user may
     * not write to (a share, a copy on a DVD) can still be exported. A file of an older format is opened for writing
     * once, to be upgraded.
     */
    public static Session openToRead(Path sessionFile) throws SessionException {
        Path file = SessionFiles.requireSessionName(sessionFile);
        SessionDatabase db;
        try {
            db = SessionDatabase.openReadOnly(file);
        } catch (SessionDatabase.NeedsUpgradeException e) {
            return openFile(file);
        }
        return onRecordedFolder(db, file);
    }

    /** The folder of photos; every photo's path is relative to it. */
    public Path root() {
        return root;
    }

    /** The session file. */
    public Path file() {
        return db.file();
    }

    public SessionInfo info() throws SessionException {
        return db.read("read the session", c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "SELECT root, created_at, created_by_app, relinked_at FROM session WHERE id = 1");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new SessionInfo(Path.of(rows.getString(1)), db.file(), StoredCells.instant(rows, 2),
                        rows.getString(3), StoredCells.optionalInstant(rows, 4), SessionDatabase.userVersion(c));
            }
        });
    }

    public Photos photos() {
        return photos;
    }

    public Results results() {
        return results;
    }

    public Reviews reviews() {
        return reviews;
    }

    /** Blinded reading: the mode, each reviewer's order, when model outputs were shown. */
    public Blinding blinding() {
        return blinding;
    }

    public PhotoListing listing() {
        return listing;
    }

    /**
     * Scans the folder again: new photos are added, photos no longer there are marked missing, photos back again are
     * marked present. Blocking; run it off the UI thread.
     */
    public ScanReport rescan() throws SessionException {
        return FolderScan.run(db, root);
    }

    /**
     * Points the session at the folder's new place, after checking that it holds the session's photos, and scans it.
     *
     * @throws SessionException when the folder holds none of the session's photos (probably the wrong folder)
     */
    public ScanReport relink(Path newFolder) throws SessionException {
        Path real = SessionFiles.realFolder(newFolder);
        List<Photo> known = photos.all();
        long found = known.stream().filter(photo -> Files.isRegularFile(photo.resolveIn(real))).count();
        if (!known.isEmpty() && found == 0) {
            throw new SessionException("None of the " + known.size() + " photos of session " + file() + " are in "
                    + real + " (for example " + known.get(0).relativePath() + "). Choose the folder that holds them "
                    + "(the one that was " + root + "); the session was not changed.");
        }
        db.write("relink the session", c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "UPDATE session SET root = ?, relinked_at = ? WHERE id = 1")) {
                statement.setString(1, real.toString());
                statement.setString(2, Timestamps.format(Timestamps.now()));
                statement.executeUpdate();
            }
            return null;
        });
        LOG.info("Relinked session {}: {} of {} photos found in the new folder", file().getFileName(), found,
                known.size());
        root = real;
        return rescan();
    }

    /** A second, read-only connection to the same file, for work that must see one consistent state (exports). */
    SessionDatabase openReader() throws SessionException {
        return SessionDatabase.openReadOnly(db.file());
    }

    @Override
    public void close() {
        db.close();
    }

    private static Optional<Path> recordedRoot(SessionDatabase db) throws SessionException {
        return db.read("read the session", c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT root FROM session WHERE id = 1");
                    ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Path.of(rows.getString(1))) : Optional.<Path>empty();
            }
        });
    }

    private static void createSessionRow(SessionDatabase db, Path root) throws SessionException {
        db.write("create the session", c -> {
            try (PreparedStatement statement = c.prepareStatement("INSERT OR IGNORE INTO session "
                    + "(id, root, created_at, created_by_app) VALUES (1, ?, ?, ?)")) {
                statement.setString(1, root.toString());
                statement.setString(2, Timestamps.format(Timestamps.now()));
                statement.setString(3, AppVersion.get());
                statement.executeUpdate();
            }
            return null;
        });
    }
}
