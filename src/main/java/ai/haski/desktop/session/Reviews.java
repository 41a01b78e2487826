package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.platform.AppVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reviewers' verdicts, flags and notes on a session's photos. Everything is appended, never changed: the current
 * verdict of a head is its latest one, and the history shows who said what, when, looking at which result.
 */
public final class Reviews {
    /** The longest reviewer name or flag reason kept; longer input is refused rather than cut. */
    static final int MAX_NAME = 200;
    /** The longest note kept. */
    static final int MAX_NOTE = 20_000;

    private final SessionDatabase db;

    Reviews(SessionDatabase db) {
        this.db = db;
    }

    /** Records that the model's label for one head of this result is right. */
    public Verdict accept(long analysisId, String head, String reviewer) throws SessionException {
        return db.write("save the verdict", c -> {
            StoredResult result = reviewable(c, analysisId);
            HeadSummary summary = headOf(result, head);
            return insertVerdict(c, result, head, VerdictAction.ACCEPT, summary.topLabel(), reviewer);
        });
    }

    /** Records that every head's label of this result is right, in one transaction. */
    public List<Verdict> acceptAll(long analysisId, String reviewer) throws SessionException {
        return db.write("save the verdicts", c -> {
            StoredResult result = reviewable(c, analysisId);
            List<Verdict> verdicts = new ArrayList<>();
            for (HeadSummary head : result.heads()) {
                verdicts.add(insertVerdict(c, result, head.head(), VerdictAction.ACCEPT, head.topLabel(), reviewer));
            }
            return verdicts;
        });
    }

    /**
     * Records that the right label for one head is {@code label}, which must be one of the head's labels.
     *
     * @throws IllegalArgumentException naming the labels the head has, when it has no such label
     */
    public Verdict override(long analysisId, String head, String label, String reviewer) throws SessionException {
        return db.write("save the verdict", c -> {
            StoredResult result = reviewable(c, analysisId);
            headOf(result, head);
            List<String> labels = result.labels(head);
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("\"" + label + "\" is not a label of " + head + "; choose one of "
                        + labels);
            }
            return insertVerdict(c, result, head, VerdictAction.OVERRIDE, label, reviewer);
        });
    }

    /** One head's label from a labels file, to record as a verdict on a stored result. */
    public record Labelled(long analysisId, String head, String label) {}

    /**
     * Records labels given elsewhere (a labels file) as the reviewer's verdicts, all in one transaction: a label that
     * is the result's top label is an accept, any other an override. Nothing is recorded when one of them is wrong.
     * Haski cannot know whether labels made elsewhere were made blind, so each is recorded as given after its
     * model's answer was shown (a reveal just before it): an evaluation of blind verdicts never counts them.
     *
     * @throws IllegalArgumentException naming the result, head or label, when a result, head or label does not exist
     */
    public List<Verdict> recordAll(List<Labelled> labelled, String reviewer) throws SessionException {
        return db.write("save the imported verdicts", c -> {
            List<Verdict> verdicts = new ArrayList<>();
            for (Labelled one : labelled) {
                StoredResult result = reviewable(c, one.analysisId());
                HeadSummary summary = headOf(result, one.head());
                if (!result.labels(one.head()).contains(one.label())) {
                    throw new IllegalArgumentException("\"" + one.label() + "\" is not a label of " + one.head()
                            + "; choose one of " + result.labels(one.head()));
                }
                VerdictAction action = summary.topLabel().equals(one.label()) ? VerdictAction.ACCEPT
                        : VerdictAction.OVERRIDE;
                Blinding.insertReveals(c, result, List.of(one.head()), checkReviewer(reviewer));
                verdicts.add(insertVerdict(c, result, one.head(), action, one.label(), reviewer));
            }
            return verdicts;
        });
    }

    /** Flags a photo for a second look, saying why (may be empty). */
    public Flag flag(long photoId, String reason, String reviewer) throws SessionException {
        return insertFlag(photoId, true, reason, reviewer);
    }

    /** Takes the flag off a photo; the earlier flag stays in the history. */
    public Flag unflag(long photoId, String reviewer) throws SessionException {
        return insertFlag(photoId, false, "", reviewer);
    }

    /** Sets the photo's note; an empty text clears it. Earlier notes stay in the history. */
    public Note note(long photoId, String text, String reviewer) throws SessionException {
        String checkedReviewer = checkReviewer(reviewer);
        String checkedText = text == null ? "" : text.strip();
        if (checkedText.length() > MAX_NOTE) {
            throw new IllegalArgumentException("a note may have at most " + MAX_NOTE + " characters; this one has "
                    + checkedText.length());
        }
        return db.write("save the note", c -> {
            requirePhoto(c, photoId);
            String now = Timestamps.format(Timestamps.now());
            long id = insert(c, "INSERT INTO note (photo_id, text, reviewer, created_at, app_version) "
                    + "VALUES (?, ?, ?, ?, ?)", photoId, checkedText, checkedReviewer, now, AppVersion.get());
            return new Note(id, photoId, checkedText, checkedReviewer, Timestamps.parse(now), AppVersion.get());
        });
    }

    /** The current verdict of each head of a photo (its latest), by head in the order first reviewed. */
    public Map<String, Verdict> currentVerdicts(long photoId) throws SessionException {
        return db.read("read verdicts", c -> current(verdicts(c, photoId)));
    }

    /** Every verdict ever given on the photo, oldest first. */
    public List<Verdict> verdictHistory(long photoId) throws SessionException {
        return db.read("read verdicts", c -> verdicts(c, photoId));
    }

    /** The photo's flag, when it is flagged now. */
    public Optional<Flag> currentFlag(long photoId) throws SessionException {
        return db.read("read flags", c -> {
            List<Flag> flags = flags(c, photoId);
            return flags.isEmpty() || !flags.get(flags.size() - 1).flagged() ? Optional.<Flag>empty()
                    : Optional.of(flags.get(flags.size() - 1));
        });
    }

    /** Every flag and unflag of the photo, oldest first. */
    public List<Flag> flagHistory(long photoId) throws SessionException {
        return db.read("read flags", c -> flags(c, photoId));
    }

    /** The photo's note, when it has a non-empty one now. */
    public Optional<Note> currentNote(long photoId) throws SessionException {
        return db.read("read notes", c -> {
            List<Note> notes = notes(c, photoId);
            return notes.isEmpty() || notes.get(notes.size() - 1).text().isEmpty() ? Optional.<Note>empty()
                    : Optional.of(notes.get(notes.size() - 1));
        });
    }

    /** Every note written on the photo, oldest first (an empty one cleared the note). */
    public List<Note> noteHistory(long photoId) throws SessionException {
        return db.read("read notes", c -> notes(c, photoId));
    }

    /** Where the photo stands in review. */
    public ReviewState state(long photoId) throws SessionException {
        return db.read("read the review state", c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT " + ReviewStateSql.EXPRESSION
                    + " FROM photo p WHERE p.id = ?")) {
                statement.setLong(1, photoId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalArgumentException("no photo with id " + photoId + " in this session");
                    }
                    return ReviewState.valueOf(rows.getString(1));
                }
            }
        });
    }

    static Map<String, Verdict> current(List<Verdict> history) {
        Map<String, Verdict> current = new LinkedHashMap<>();
        history.forEach(verdict -> current.put(verdict.head(), verdict));
        return current;
    }

    static List<Verdict> verdicts(Connection c, long photoId) throws SQLException {
        return history(c, "SELECT id, photo_id, head, action, label, analysis_id, reviewer, created_at, app_version, "
                + "region, region_source FROM verdict WHERE photo_id = ? ORDER BY id", photoId, rows -> {
                    long analysis = rows.getLong(6);
                    OptionalLong analysisId = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(analysis);
                    return new Verdict(rows.getLong(1), rows.getLong(2), rows.getString(3),
                            StoredCells.verdictAction(rows, 4), rows.getString(5), analysisId, rows.getString(7),
                            StoredCells.instant(rows, 8), rows.getString(9), StoredCells.region(rows, 10, 11));
                });
    }

    static List<Flag> flags(Connection c, long photoId) throws SQLException {
        return history(c, "SELECT id, photo_id, flagged, reason, reviewer, created_at, app_version FROM flag "
                + "WHERE photo_id = ? ORDER BY id", photoId, rows -> new Flag(rows.getLong(1), rows.getLong(2),
                rows.getInt(3) == 1, rows.getString(4), rows.getString(5), StoredCells.instant(rows, 6),
                rows.getString(7)));
    }

    static List<Note> notes(Connection c, long photoId) throws SQLException {
        return history(c, "SELECT id, photo_id, text, reviewer, created_at, app_version FROM note WHERE photo_id = ? "
                + "ORDER BY id", photoId, rows -> new Note(rows.getLong(1), rows.getLong(2), rows.getString(3),
                rows.getString(4), StoredCells.instant(rows, 5), rows.getString(6)));
    }

    /** Reads one row of a history table. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every row {@code sql} selects for the photo (its one parameter), read by {@code reader}, in order. */
    private static <T> List<T> history(Connection c, String sql, long photoId, RowReader<T> reader)
            throws SQLException {
        List<T> history = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, photoId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    history.add(reader.read(rows));
                }
            }
        }
        return history;
    }

    private Flag insertFlag(long photoId, boolean flagged, String reason, String reviewer) throws SessionException {
        String checkedReviewer = checkReviewer(reviewer);
        String checkedReason = reason == null ? "" : reason.strip();
        if (checkedReason.length() > MAX_NAME) {
            throw new IllegalArgumentException("a flag's reason may have at most " + MAX_NAME + " characters");
        }
        return db.write("save the flag", c -> {
            requirePhoto(c, photoId);
            String now = Timestamps.format(Timestamps.now());
            long id = insert(c, "INSERT INTO flag (photo_id, flagged, reason, reviewer, created_at, app_version) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", photoId, flagged ? 1 : 0, checkedReason, checkedReviewer, now,
                    AppVersion.get());
            return new Flag(id, photoId, flagged, checkedReason, checkedReviewer, Timestamps.parse(now),
                    AppVersion.get());
        });
    }

    private static Verdict insertVerdict(Connection c, StoredResult result, String head, VerdictAction action,
            String label, String reviewer) throws SQLException {
        String checkedReviewer = checkReviewer(reviewer);
        String now = Timestamps.format(Timestamps.now());
        Optional<Region> region = result.region();
        long id = insert(c, "INSERT INTO verdict (photo_id, head, action, label, analysis_id, reviewer, created_at, "
                + "app_version, region, region_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", result.photoId(), head,
                action.dbValue(), label, result.analysisId(), checkedReviewer, now, AppVersion.get(),
                region.map(Region::toText).orElse(null), region.map(r -> r.source().id()).orElse(null));
        return new Verdict(id, result.photoId(), head, action, label, OptionalLong.of(result.analysisId()),
                checkedReviewer, Timestamps.parse(now), AppVersion.get(), region);
    }

    private static StoredResult reviewable(Connection c, long analysisId) throws SQLException {
        StoredResult result = Results.get(c, analysisId).orElseThrow(() ->
                new IllegalArgumentException("no result with id " + analysisId + " in this session"));
        if (!result.succeeded()) {
            throw new IllegalArgumentException(result.relativePath() + " has no result to review from "
                    + result.model().describe() + ": it failed with " + result.errorCode().orElseThrow()
                    + "; flag it or add a note instead");
        }
        return result;
    }

    private static HeadSummary headOf(StoredResult result, String head) {
        return result.head(head).orElseThrow(() -> new IllegalArgumentException("the result of "
                + result.model().describe() + " has no head \"" + head + "\"; its heads are "
                + result.heads().stream().map(HeadSummary::head).toList()));
    }

    static String checkReviewer(String reviewer) {
        String name = reviewer == null ? "" : reviewer.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a reviewer name is needed to record a review");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a reviewer name may have at most " + MAX_NAME + " characters");
        }
        return name;
    }

    private static void requirePhoto(Connection c, long photoId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT 1 FROM photo WHERE id = ?")) {
            statement.setLong(1, photoId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no photo with id " + photoId + " in this session");
                }
            }
        }
    }

    static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        }
        try (PreparedStatement statement = c.prepareStatement("SELECT last_insert_rowid()");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
