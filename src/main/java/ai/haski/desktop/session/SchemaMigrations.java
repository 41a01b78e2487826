package ai.haski.desktop.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The session schema as an ordered list of steps; a file at version N is brought to the latest version by running
 * steps N+1, N+2, ... in one transaction, and {@code PRAGMA user_version} records where a file stands.
 *
 * <p>Steps are never edited once released: a change to the schema is a new step at the end. A file whose version is
 * higher than the last step was written by a newer app and is refused unchanged.
 */
final class SchemaMigrations {
    /** Marks a SQLite file as a Haski session ("HSKS"), so another program's database is never mistaken for one. */
    static final int APPLICATION_ID = 0x48534B53;

    /** One step: the version it brings a file to, why, and its SQL. */
    record Step(int version, String purpose, List<String> statements) {}

    private static final List<Step> STEPS = List.of(
            new Step(1, "photos of a folder and model results", List.of(
                    """
                    CREATE TABLE session (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        root TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        created_by_app TEXT NOT NULL,
                        relinked_at TEXT
                    )""",
                    """
                    CREATE TABLE photo (
                        id INTEGER PRIMARY KEY,
                        rel_path TEXT NOT NULL UNIQUE,
                        size_bytes INTEGER NOT NULL,
                        modified_ms INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('present', 'missing')),
                        added_at TEXT NOT NULL,
                        last_seen_at TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE analysis (
                        id INTEGER PRIMARY KEY,
                        photo_id INTEGER NOT NULL REFERENCES photo(id),
                        model_id TEXT NOT NULL,
                        model_version TEXT NOT NULL,
                        model_sha256 TEXT NOT NULL,
                        format TEXT NOT NULL,
                        runtime TEXT NOT NULL,
                        runtime_version TEXT NOT NULL,
                        app_version TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        photo_size_bytes INTEGER NOT NULL,
                        photo_modified_ms INTEGER NOT NULL,
                        outcome_json TEXT NOT NULL,
                        error_code TEXT,
                        error_message TEXT,
                        UNIQUE (photo_id, model_sha256, format)
                    )""",
                    "CREATE INDEX analysis_by_model ON analysis (model_sha256, format)",
                    // Each head's top label and probability, copied out of the JSON so that filters, sorting and
                    // the disagreement query are plain indexed SQL.
                    """
                    CREATE TABLE analysis_head (
                        analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
                        head TEXT NOT NULL,
                        top_label TEXT NOT NULL,
                        top_probability REAL NOT NULL,
                        PRIMARY KEY (analysis_id, head)
                    )""",
                    "CREATE INDEX analysis_head_by_label ON analysis_head (head, top_label)")),
            new Step(2, "review: verdicts, flags and notes, append-only", List.of(
                    """
                    CREATE TABLE verdict (
                        id INTEGER PRIMARY KEY,
                        photo_id INTEGER NOT NULL REFERENCES photo(id),
                        head TEXT NOT NULL,
                        action TEXT NOT NULL CHECK (action IN ('accept', 'override')),
                        label TEXT NOT NULL,
                        analysis_id INTEGER REFERENCES analysis(id),
                        reviewer TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        app_version TEXT NOT NULL
                    )""",
                    "CREATE INDEX verdict_by_photo ON verdict (photo_id, head, id)",
                    """
                    CREATE TABLE flag (
                        id INTEGER PRIMARY KEY,
                        photo_id INTEGER NOT NULL REFERENCES photo(id),
                        flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
                        reason TEXT NOT NULL,
                        reviewer TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        app_version TEXT NOT NULL
                    )""",
                    "CREATE INDEX flag_by_photo ON flag (photo_id, id)",
                    """
                    CREATE TABLE note (
                        id INTEGER PRIMARY KEY,
                        photo_id INTEGER NOT NULL REFERENCES photo(id),
                        text TEXT NOT NULL,
                        reviewer TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        app_version TEXT NOT NULL
                    )""",
                    "CREATE INDEX note_by_photo ON note (photo_id, id)",
                    // A reviewer's word is evidence: history is only ever added to, and the database says so.
                    appendOnly("verdict"), appendOnlyDelete("verdict"),
                    appendOnly("flag"), appendOnlyDelete("flag"),
                    appendOnly("note"), appendOnlyDelete("note"))),
            // NULL in a row from before: that result (and a verdict on it) was of the whole photo.
            new Step(3, "the region of the photo each result and each verdict is about", List.of(
                    "ALTER TABLE analysis ADD COLUMN region TEXT",
                    "ALTER TABLE analysis ADD COLUMN region_source TEXT "
                            + "CHECK (region_source IN ('whole', 'user', 'face'))",
                    "ALTER TABLE verdict ADD COLUMN region TEXT",
                    "ALTER TABLE verdict ADD COLUMN region_source TEXT "
                            + "CHECK (region_source IN ('whole', 'user', 'face'))")),
            // The photo quality verdict ('good' or 'poor'; NULL for results made before quality was measured) and
            // the problems' codes, copied out of the JSON so that the table filters on them in plain SQL.
            new Step(4, "photo quality of each result", List.of(
                    "ALTER TABLE analysis ADD COLUMN quality_verdict TEXT CHECK (quality_verdict IN ('good', 'poor'))",
                    "ALTER TABLE analysis ADD COLUMN quality_problems TEXT",
                    "CREATE INDEX analysis_by_quality ON analysis (quality_verdict)")),
            new Step(5, "blinded reading: the mode, each reviewer's shuffled order, when model outputs were shown",
                    List.of(
                    // Every change of the mode, who made it and when; the latest row is the mode now. after_verdict
                    // is the last verdict's id at the change (0: none), so verdicts are before or after it exactly,
                    // not by timestamps that can share a millisecond.
                    """
                    CREATE TABLE blinding (
                        id INTEGER PRIMARY KEY,
                        blinded INTEGER NOT NULL CHECK (blinded IN (0, 1)),
                        after_verdict INTEGER NOT NULL,
                        changed_by TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        app_version TEXT NOT NULL
                    )""",
                    // The seed of each reviewer's photo order, drawn once, so the order is the same every time.
                    """
                    CREATE TABLE reading_order (
                        reviewer TEXT PRIMARY KEY,
                        seed INTEGER NOT NULL,
                        created_at TEXT NOT NULL
                    )""",
                    // The moment a reviewer was shown a head's model output, to tell blind verdicts from others;
                    // after_verdict as in blinding.
                    """
                    CREATE TABLE reveal (
                        id INTEGER PRIMARY KEY,
                        after_verdict INTEGER NOT NULL,
                        photo_id INTEGER NOT NULL REFERENCES photo(id),
                        head TEXT NOT NULL,
                        analysis_id INTEGER REFERENCES analysis(id),
                        reviewer TEXT NOT NULL,
                        revealed_at TEXT NOT NULL,
                        app_version TEXT NOT NULL
                    )""",
                    "CREATE INDEX reveal_by_photo ON reveal (photo_id, head, reviewer, id)",
                    appendOnly("blinding"), appendOnlyDelete("blinding"),
                    appendOnly("reading_order"), appendOnlyDelete("reading_order"),
                    appendOnly("reveal"), appendOnlyDelete("reveal"))));

    private SchemaMigrations() {}

    /** The version this app writes. */
    static int latest() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    /** Runs the steps after {@code from} up to {@code to}; the caller holds the transaction. */
    static void migrate(Connection connection, int from, int to) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Step step : STEPS) {
                if (step.version() > from && step.version() <= to) {
                    for (String sql : step.statements()) {
                        statement.execute(sql);
                    }
                }
            }
            statement.execute("PRAGMA application_id = " + APPLICATION_ID);
            statement.execute("PRAGMA user_version = " + to);
        }
    }

    private static String appendOnly(String table) {
        return "CREATE TRIGGER " + table + "_no_update BEFORE UPDATE ON " + table
                + " BEGIN SELECT RAISE(ABORT, '" + table + " history is append-only'); END";
    }

    private static String appendOnlyDelete(String table) {
        return "CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table
                + " BEGIN SELECT RAISE(ABORT, '" + table + " history is append-only'); END";
    }
}
