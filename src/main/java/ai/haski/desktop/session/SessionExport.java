package ai.haski.desktop.session;

import ai.haski.desktop.platform.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exports every photo of a session, with every model's result, provenance and the review, as CSV or JSON. The file
 * is written atomically, and from one consistent read of the session, so a batch or a reviewer may go on working
 * meanwhile.
 */
public final class SessionExport {

    /** The export file formats. */
    public enum Format {
        CSV, JSON;

        /** The format named {@code csv} or {@code json} (any case). */
        public static Optional<Format> fromId(String id) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(id)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What was written: how many photos and how many model results. */
    public record Summary(Path file, int photos, int results) {}

    /** Carries a database error out through the file writer, which only knows I/O errors. */
    private static final class DatabaseFailure extends IOException {
        private static final long serialVersionUID = 1L;

        DatabaseFailure(SQLException cause) {
            super(cause);
        }
    }

    private SessionExport() {}

    /**
     * Writes the export to {@code target}, replacing it only once complete.
     *
     * @throws SessionException naming the target and what to do, when it cannot be written; an earlier file at the
     *     target is then unchanged
     */
    public static Summary write(Session session, Format format, Path target) throws SessionException {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        if (name.contains(SessionFiles.EXTENSION)) {
            throw new SessionException("Will not write an export to " + target + ": that name is for session files, "
                    + "and writing there could destroy a session. Name the export like results." + format.id() + ".");
        }
        SessionInfo info = session.info();
        int[] counts = new int[2];
        try (SessionDatabase reader = session.openReader()) {
            reader.snapshot("export the session", c -> {
                List<String> heads = heads(c);
                try {
                    AtomicFiles.write(target, out -> {
                        ExportWriter writer;
                        Writer text = null;
                        if (format == Format.CSV) {
                            text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                            writer = new CsvExportWriter(text);
                        } else {
                            writer = new JsonExportWriter(out);
                        }
                        writer.begin(info, heads);
                        try {
                            for (Photo photo : Photos.list(c, "SELECT " + Photos.COLUMNS
                                    + " FROM photo p ORDER BY p.rel_path")) {
                                ExportedPhoto exported = load(c, photo);
                                writer.write(exported);
                                counts[0]++;
                                counts[1] += exported.results().size();
                            }
                        } catch (SQLException e) {
                            throw new DatabaseFailure(e);
                        }
                        writer.end();
                        if (text != null) {
                            text.flush();
                        }
                    });
                } catch (DatabaseFailure e) {
                    throw (SQLException) e.getCause();
                } catch (IOException e) {
                    throw new ExportIoFailure(e);
                }
                return null;
            });
        } catch (ExportIoFailure e) {
            throw new SessionException("Cannot write the export to " + target + " (" + describe(e.io) + "). Check "
                    + "the folder exists, that you may write there and that the disk has space; any earlier file "
                    + "there is unchanged.", e.io);
        }
        return new Summary(target, counts[0], counts[1]);
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied: " + message : message;
    }

    /** An I/O failure of the target file, carried past the database layer to be reported as such. */
    private static final class ExportIoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IOException io;

        ExportIoFailure(IOException io) {
            super(io);
            this.io = io;
        }
    }

    /** Every head any model reported, in the order they were first stored (the models' own order). */
    private static List<String> heads(Connection c) throws SQLException {
        List<String> heads = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(
                "SELECT head FROM analysis_head GROUP BY head ORDER BY min(rowid)");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                heads.add(rows.getString(1));
            }
        }
        return heads;
    }

    /** One photo's results and review history, read when the writer gets to it. */
    private static ExportedPhoto load(Connection c, Photo photo) throws SQLException {
        return new ExportedPhoto(photo, reviewState(c, photo.id()),
                Results.list(c, "WHERE a.photo_id = ? ORDER BY a.id", photo.id()), Reviews.verdicts(c, photo.id()),
                Reviews.flags(c, photo.id()), Reviews.notes(c, photo.id()));
    }

    private static ReviewState reviewState(Connection c, long photoId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(
                "SELECT " + ReviewStateSql.EXPRESSION + " FROM photo p WHERE p.id = ?")) {
            statement.setLong(1, photoId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return ReviewState.valueOf(rows.getString(1));
            }
        }
    }
}
