package ai.haski.desktop.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The photos of a session: every file ever found in its folder, present or missing. */
public final class Photos {
    static final String COLUMNS = "p.id, p.rel_path, p.size_bytes, p.modified_ms, p.state, p.added_at, p.last_seen_at";

    private final SessionDatabase db;

    Photos(SessionDatabase db) {
        this.db = db;
    }

    /** Every photo, sorted by path. */
    public List<Photo> all() throws SessionException {
        return db.read("list the photos", c -> list(c, "SELECT " + COLUMNS + " FROM photo p ORDER BY p.rel_path"));
    }

    /** The photo with this id. */
    public Optional<Photo> get(long id) throws SessionException {
        return db.read("read a photo", c -> list(c, "SELECT " + COLUMNS + " FROM photo p WHERE p.id = ?", id))
                .stream().findFirst();
    }

    /** The photo at this path relative to the session folder ({@code /} separators). */
    public Optional<Photo> byPath(String relativePath) throws SessionException {
        return db.read("read a photo", c -> list(c, "SELECT " + COLUMNS + " FROM photo p WHERE p.rel_path = ?",
                relativePath)).stream().findFirst();
    }

    /** How many photos are in this state. */
    public int count(PhotoState state) throws SessionException {
        return db.read("count the photos", c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT count(*) FROM photo WHERE state = ?")) {
                statement.setString(1, state.dbValue());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** Records that a photo's file was not there when it was to be analysed. */
    void markMissing(long photoId) throws SessionException {
        db.write("mark a photo missing", c -> {
            try (PreparedStatement statement = c.prepareStatement("UPDATE photo SET state = 'missing' WHERE id = ?")) {
                statement.setLong(1, photoId);
                statement.executeUpdate();
            }
            return null;
        });
    }

    static List<Photo> list(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Photo> photos = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    photos.add(read(rows));
                }
            }
            return photos;
        }
    }

    /** Reads a photo from a row whose first columns are {@link #COLUMNS}. */
    static Photo read(ResultSet rows) throws SQLException {
        return new Photo(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                StoredCells.photoState(rows, 5), StoredCells.instant(rows, 6), StoredCells.instant(rows, 7));
    }
}
