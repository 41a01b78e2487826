package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Region;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the cells of a session file that hold more than plain text (times, states), and names the row and column
 * when one is damaged: a session file is the user's, and anything may have written it (a script, a disk error).
 */
final class StoredCells {
    private StoredCells() {}

    /** A cell the app cannot read back; {@link SessionDatabase} turns it into a "damaged session" error. */
    static final class DamagedCellException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DamagedCellException(String where, String problem) {
            super(where + ": " + problem);
        }
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        String text = rows.getString(column);
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw damaged(rows, column, quoted(text) + " is not a time");
        }
    }

    static Optional<Instant> optionalInstant(ResultSet rows, int column) throws SQLException {
        return rows.getString(column) == null ? Optional.empty() : Optional.of(instant(rows, column));
    }

    static PhotoState photoState(ResultSet rows, int column) throws SQLException {
        String text = rows.getString(column);
        try {
            return PhotoState.fromDb(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw damaged(rows, column, quoted(text) + " is not a photo state");
        }
    }

    static VerdictAction verdictAction(ResultSet rows, int column) throws SQLException {
        String text = rows.getString(column);
        try {
            return VerdictAction.fromDb(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw damaged(rows, column, quoted(text) + " is not a verdict");
        }
    }

    /** A region stored as X,Y,W,H and its source; empty when both cells are empty (a row from before regions). */
    static Optional<Region> region(ResultSet rows, int boxColumn, int sourceColumn) throws SQLException {
        String box = rows.getString(boxColumn);
        String source = rows.getString(sourceColumn);
        if (box == null && source == null) {
            return Optional.empty();
        }
        try {
            Region parsed = Region.parse(box);
            return Optional.of(new Region(parsed.x(), parsed.y(), parsed.width(), parsed.height(),
                    Region.Source.of(source)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw damaged(rows, box == null ? boxColumn : sourceColumn, quoted(box) + " / " + quoted(source)
                    + " is not a region (X,Y,W,H and whole, user or face)");
        }
    }

    /** The row as the user can find it with any SQLite tool: its table, its id when the query has one, the column. */
    static DamagedCellException damaged(ResultSet rows, int column, String problem) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        String table = meta.getTableName(column);
        String id = meta.getColumnCount() > 0 && "id".equalsIgnoreCase(meta.getColumnName(1))
                ? " id " + rows.getLong(1) : "";
        String where = "table " + (table == null || table.isEmpty() ? "?" : table) + ", row" + id + ", column "
                + meta.getColumnName(column).toLowerCase(Locale.ROOT);
        return new DamagedCellException(where, problem);
    }

    private static String quoted(String text) {
        if (text == null) {
            return "an empty cell";
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "'" + shown + "'";
    }
}
