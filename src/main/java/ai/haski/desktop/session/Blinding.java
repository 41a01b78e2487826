package ai.haski.desktop.session;

import ai.haski.desktop.platform.AppVersion;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * Blinded reading: whether the session hides the model's answer from a reviewer until they have given their own
 * label, each reviewer's own shuffled order of the photos, and every moment a model output was shown. All of it is
 * saved, never changed (the mode's history too), so that an evaluation can say which verdicts were given blind.
 *
 * <p>Why a shuffled order per reviewer: readers who all see the photos in the folder's order tire on the same photos
 * and carry the same context from one photo to the next; a seeded shuffle per reader spreads both, and recording the
 * seed makes each reader's order reproducible.
 */
public final class Blinding {
    private final SessionDatabase db;

    Blinding(SessionDatabase db) {
        this.db = db;
    }

    /** Whether the session is in blinded reading now (the latest change says so; off until first turned on). */
    public boolean isBlinded() throws SessionException {
        return db.read("read the blinding mode", Blinding::blinded);
    }

    /** Turns blinded reading on or off, recording who did and when. */
    public void setBlinded(boolean blinded, String reviewer) throws SessionException {
        String name = Reviews.checkReviewer(reviewer);
        db.write("save the blinding mode", c -> Reviews.insert(c, "INSERT INTO blinding (blinded, after_verdict, "
                + "changed_by, created_at, app_version) VALUES (?, ?, ?, ?, ?)", blinded ? 1 : 0, lastVerdict(c), name,
                Timestamps.format(Timestamps.now()), AppVersion.get()));
    }

    /** The seed of the reviewer's photo order, drawn and saved the first time it is asked for. */
    public long seed(String reviewer) throws SessionException {
        String name = Reviews.checkReviewer(reviewer);
        return db.write("save the reading order", c -> {
            OptionalLong saved = savedSeed(c, name);
            if (saved.isPresent()) {
                return saved.getAsLong();
            }
            long seed = new SecureRandom().nextLong();
            Reviews.insert(c, "INSERT INTO reading_order (reviewer, seed, created_at) VALUES (?, ?, ?)", name, seed,
                    Timestamps.format(Timestamps.now()));
            return seed;
        });
    }

    /**
     * The items in the reviewer's own order: sorted by photo id (the order photos joined the session), then shuffled
     * with the reviewer's seed, so the same reviewer always gets the same order of the same photos.
     */
    public <T> List<T> inReadingOrder(List<T> items, ToLongFunction<T> photoId, String reviewer)
            throws SessionException {
        return shuffled(items, photoId, seed(reviewer));
    }

    static <T> List<T> shuffled(List<T> items, ToLongFunction<T> photoId, long seed) {
        List<T> order = new ArrayList<>(items);
        order.sort(Comparator.comparingLong(photoId));
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    /** Records that the reviewer is being shown the model's output for these heads of a result, now. */
    public void reveal(StoredResult result, List<String> heads, String reviewer) throws SessionException {
        String name = Reviews.checkReviewer(reviewer);
        db.write("save when the model's answer was shown", c -> {
            insertReveals(c, result, heads, name);
            return null;
        });
    }

    /** Inserts the reveals of these heads, now, inside the caller's transaction. */
    static void insertReveals(Connection c, StoredResult result, List<String> heads, String reviewer)
            throws SQLException {
        String now = Timestamps.format(Timestamps.now());
        long after = lastVerdict(c);
        for (String head : heads) {
            Reviews.insert(c, "INSERT INTO reveal (after_verdict, photo_id, head, analysis_id, reviewer, revealed_at, "
                    + "app_version) VALUES (?, ?, ?, ?, ?, ?, ?)", after, result.photoId(), head, result.analysisId(),
                    reviewer, now, AppVersion.get());
        }
    }

    /** Every reveal on the photo, oldest first. */
    public List<Reveal> reveals(long photoId) throws SessionException {
        return db.read("read when the model's answers were shown", c -> {
            List<Reveal> reveals = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement("SELECT id, after_verdict, photo_id, head, "
                    + "analysis_id, reviewer, revealed_at FROM reveal WHERE photo_id = ? ORDER BY id")) {
                statement.setLong(1, photoId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long analysis = rows.getLong(5);
                        OptionalLong analysisId = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(analysis);
                        reveals.add(new Reveal(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
                                analysisId, rows.getString(6), StoredCells.instant(rows, 7)));
                    }
                }
            }
            return reveals;
        });
    }

    /**
     * Whether {@code verdict} was given blind: the session was blinded when it was given and the reviewer had not
     * been shown that head's model output before it. Order is by the verdicts' ids, exact where timestamps could
     * share a millisecond: a reveal that records this verdict as already given came after it.
     */
    public static boolean givenBlind(Verdict verdict, List<Reveal> reveals, List<ModeChange> modes) {
        return blindedWhen(modes, verdict) && reveals.stream().noneMatch(reveal -> reveal.head().equals(verdict.head())
                && reveal.reviewer().equals(verdict.reviewer()) && reveal.afterVerdict() < verdict.id());
    }

    /**
     * One change of the mode.
     *
     * @param afterVerdict the id of the session's last verdict at the change (0: none yet)
     */
    public record ModeChange(long afterVerdict, boolean blinded, String changedBy, Instant at) {}

    /** The mode's changes, oldest first: when blinded reading was turned on or off, and by whom. */
    public List<ModeChange> history() throws SessionException {
        return db.read("read the blinding mode", c -> {
            List<ModeChange> changes = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement("SELECT after_verdict, blinded, changed_by, "
                    + "created_at FROM blinding ORDER BY id");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new ModeChange(rows.getLong(1), rows.getInt(2) == 1, rows.getString(3),
                            StoredCells.instant(rows, 4)));
                }
            }
            return changes;
        });
    }

    /** Whether the session was blinded when {@code verdict} was given, by the mode's history. */
    static boolean blindedWhen(List<ModeChange> history, Verdict verdict) {
        boolean blinded = false;
        for (ModeChange change : history) {
            if (change.afterVerdict() >= verdict.id()) {
                break;
            }
            blinded = change.blinded();
        }
        return blinded;
    }

    private static long lastVerdict(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM verdict");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean blinded(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT blinded FROM blinding ORDER BY id DESC LIMIT 1");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getInt(1) == 1;
        }
    }

    private static OptionalLong savedSeed(Connection c, String reviewer) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT seed FROM reading_order WHERE reviewer = ?")) {
            statement.setString(1, reviewer);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
