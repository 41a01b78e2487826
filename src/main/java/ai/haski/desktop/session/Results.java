package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.analysis.quality.PhotoQuality;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.platform.AppVersion;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * The models' results for a session's photos: at most one per photo and model (weights SHA-256 + format), so that
 * saving the same result twice, as a batch restarted after a crash does, changes nothing.
 */
public final class Results {
    private static final String COLUMNS = "a.id, a.photo_id, p.rel_path, a.model_id, a.model_version, a.model_sha256, "
            + "a.format, a.runtime, a.runtime_version, a.app_version, a.created_at, a.error_code, a.error_message, "
            + "a.outcome_json, a.photo_size_bytes, a.photo_modified_ms";

    private final SessionDatabase db;

    Results(SessionDatabase db) {
        this.db = db;
    }

    /**
     * Saves one outcome in its own transaction. A photo that already has a result from this model keeps it; a stored
     * failure is replaced, which is how {@code retry failed} works.
     *
     * @param analysedSize the file's size when it was analysed, and {@code analysedModified} its modification time
     * @return the result as stored (the earlier one when one was kept)
     */
    public StoredResult save(Photo photo, AnalysisOutcome outcome, Provenance provenance, long analysedSize,
            long analysedModified) throws SessionException {
        return save(photo, outcome, provenance, analysedSize, analysedModified, "WHERE analysis.error_code IS NOT NULL");
    }

    /**
     * Saves one outcome in its own transaction, replacing this model's earlier result for the photo whatever it was:
     * for a reviewer who has the photo analysed again, of a region they chose. Verdicts keep the region they were
     * given on.
     */
    public StoredResult replace(Photo photo, AnalysisOutcome outcome, Provenance provenance, long analysedSize,
            long analysedModified) throws SessionException {
        return save(photo, outcome, provenance, analysedSize, analysedModified, "");
    }

    private StoredResult save(Photo photo, AnalysisOutcome outcome, Provenance provenance, long analysedSize,
            long analysedModified, String replaceOnly) throws SessionException {
        Region region = outcome instanceof Analysis analysis ? analysis.region() : null;
        ObjectNode json = ResultJson.toJson(outcome);
        // The stored file name is relative, so a moved and relinked folder leaves no stale absolute paths behind.
        json.put("file", photo.relativePath());
        String error = outcome instanceof AnalysisFailure failure ? failure.code() : null;
        String errorMessage = outcome instanceof AnalysisFailure failure ? failure.message() : null;
        Optional<PhotoQuality> quality = outcome instanceof Analysis analysis ? analysis.quality() : Optional.empty();
        return db.write("save the result for " + photo.relativePath(), c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO analysis (photo_id, model_id, model_version, model_sha256, format, runtime,
                        runtime_version, app_version, created_at, photo_size_bytes, photo_modified_ms, outcome_json,
                        error_code, error_message, region, region_source, quality_verdict, quality_problems)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (photo_id, model_sha256, format) DO UPDATE SET
                        model_id = excluded.model_id, model_version = excluded.model_version,
                        runtime = excluded.runtime, runtime_version = excluded.runtime_version,
                        app_version = excluded.app_version, created_at = excluded.created_at,
                        photo_size_bytes = excluded.photo_size_bytes, photo_modified_ms = excluded.photo_modified_ms,
                        outcome_json = excluded.outcome_json, error_code = excluded.error_code,
                        error_message = excluded.error_message, region = excluded.region,
                        region_source = excluded.region_source, quality_verdict = excluded.quality_verdict,
                        quality_problems = excluded.quality_problems
                    """ + replaceOnly)) {
                int i = 1;
                upsert.setLong(i++, photo.id());
                upsert.setString(i++, provenance.modelId());
                upsert.setString(i++, provenance.modelVersion());
                upsert.setString(i++, provenance.modelSha256());
                upsert.setString(i++, provenance.format());
                upsert.setString(i++, provenance.runtime());
                upsert.setString(i++, provenance.runtimeVersion());
                upsert.setString(i++, AppVersion.get());
                upsert.setString(i++, Timestamps.format(Timestamps.now()));
                upsert.setLong(i++, analysedSize);
                upsert.setLong(i++, analysedModified);
                upsert.setString(i++, json.toString());
                setNullable(upsert, i++, error);
                setNullable(upsert, i++, errorMessage);
                setNullable(upsert, i++, region == null ? null : region.toText());
                setNullable(upsert, i++, region == null ? null : region.source().id());
                setNullable(upsert, i++, quality.map(PhotoQuality::verdict).orElse(null));
                setNullable(upsert, i, quality.map(PhotoQuality::codes).orElse(null));
                int changed = upsert.executeUpdate();
                long id = analysisId(c, photo.id(), provenance);
                if (changed > 0) {
                    writeHeads(c, id, outcome);
                }
                return get(c, id).orElseThrow();
            }
        });
    }

    /** Present photos with no result from this model yet (and, when asked, those whose result is a failure). */
    public List<Photo> toAnalyse(ModelKey model, boolean includingFailures) throws SessionException {
        String failures = includingFailures ? " AND a.error_code IS NULL" : "";
        return db.read("list the photos to analyse", c -> Photos.list(c, "SELECT " + Photos.COLUMNS
                + " FROM photo p WHERE p.state = 'present' AND NOT EXISTS (SELECT 1 FROM analysis a WHERE "
                + "a.photo_id = p.id AND a.model_sha256 = ? AND a.format = ?" + failures + ") ORDER BY p.rel_path",
                model.sha256(), model.format()));
    }

    /** Every result of one photo, oldest model first. */
    public List<StoredResult> forPhoto(long photoId) throws SessionException {
        return db.read("read results", c -> list(c, "WHERE a.photo_id = ? ORDER BY a.id", photoId));
    }

    /** One photo's result from one model. */
    public Optional<StoredResult> forPhoto(long photoId, ModelKey model) throws SessionException {
        return db.read("read a result", c -> list(c, "WHERE a.photo_id = ? AND a.model_sha256 = ? AND a.format = ?",
                photoId, model.sha256(), model.format())).stream().findFirst();
    }

    /** The stored result with this id. */
    public Optional<StoredResult> get(long analysisId) throws SessionException {
        return db.read("read a result", c -> get(c, analysisId));
    }

    /** Every result from one model, by photo path. */
    public List<StoredResult> byModel(ModelKey model) throws SessionException {
        return db.read("read results", c -> list(c, "WHERE a.model_sha256 = ? AND a.format = ? ORDER BY p.rel_path",
                model.sha256(), model.format()));
    }

    /** The models that have results in this session, in the order they were first used. */
    public List<ModelKey> models() throws SessionException {
        return db.read("list the models", c -> {
            List<ModelKey> models = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement("SELECT model_id, model_version, model_sha256, "
                    + "format, min(id) AS first FROM analysis GROUP BY model_sha256, format ORDER BY first");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    models.add(new ModelKey(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4)));
                }
            }
            return models;
        });
    }

    /** How many present photos have a result from one model, and how many of those are failures. */
    public record Counts(int succeeded, int failed) {}

    /** How many present photos have a result from this model. */
    public Counts counts(ModelKey model) throws SessionException {
        return db.read("count results", c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT count(*) - count(a.error_code), "
                    + "count(a.error_code) FROM analysis a JOIN photo p ON p.id = a.photo_id WHERE p.state = 'present' "
                    + "AND a.model_sha256 = ? AND a.format = ?")) {
                statement.setString(1, model.sha256());
                statement.setString(2, model.format());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new Counts(rows.getInt(1), rows.getInt(2));
                }
            }
        });
    }

    /** Photos and heads where model {@code a} and model {@code b} gave different top labels, by path and head. */
    public List<Disagreement> disagreements(ModelKey a, ModelKey b) throws SessionException {
        return db.read("compare two models", c -> {
            try (PreparedStatement statement = c.prepareStatement("""
                    SELECT p.id, p.rel_path, ha.head, ha.top_label, ha.top_probability, hb.top_label, hb.top_probability
                    FROM analysis x
                    JOIN analysis_head ha ON ha.analysis_id = x.id
                    JOIN analysis y ON y.photo_id = x.photo_id
                    JOIN analysis_head hb ON hb.analysis_id = y.id AND hb.head = ha.head
                    JOIN photo p ON p.id = x.photo_id
                    WHERE x.model_sha256 = ? AND x.format = ? AND y.model_sha256 = ? AND y.format = ?
                      AND ha.top_label <> hb.top_label
                    ORDER BY p.rel_path, ha.head""")) {
                statement.setString(1, a.sha256());
                statement.setString(2, a.format());
                statement.setString(3, b.sha256());
                statement.setString(4, b.format());
                List<Disagreement> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Disagreement(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getDouble(5), rows.getString(6), rows.getDouble(7)));
                    }
                }
                return found;
            }
        });
    }

    static Optional<StoredResult> get(Connection c, long analysisId) throws SQLException {
        return list(c, "WHERE a.id = ?", analysisId).stream().findFirst();
    }

    /** Results matching a WHERE (and ORDER BY) clause over {@code analysis a JOIN photo p}. */
    static List<StoredResult> list(Connection c, String clause, Object... parameters) throws SQLException {
        List<StoredResult> results = new ArrayList<>();
        Map<Long, List<HeadSummary>> heads = new LinkedHashMap<>();
        try (PreparedStatement statement = c.prepareStatement("SELECT " + COLUMNS
                + " FROM analysis a JOIN photo p ON p.id = a.photo_id " + clause)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    results.add(read(rows));
                }
            }
        }
        if (results.isEmpty()) {
            return results;
        }
        try (PreparedStatement statement = c.prepareStatement("SELECT head, top_label, top_probability "
                + "FROM analysis_head WHERE analysis_id = ? ORDER BY rowid")) {
            for (StoredResult result : results) {
                statement.setLong(1, result.analysisId());
                List<HeadSummary> list = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        list.add(new HeadSummary(rows.getString(1), rows.getString(2), rows.getDouble(3)));
                    }
                }
                heads.put(result.analysisId(), list);
            }
        }
        List<StoredResult> withHeads = new ArrayList<>();
        for (StoredResult r : results) {
            withHeads.add(new StoredResult(r.analysisId(), r.photoId(), r.relativePath(), r.model(), r.runtime(),
                    r.runtimeVersion(), r.appVersion(), r.analysedAt(), r.analysedSizeBytes(),
                    r.analysedModifiedMillis(), r.errorCode(), r.errorMessage(), heads.get(r.analysisId()),
                    r.outcomeJson()));
        }
        return withHeads;
    }

    private static StoredResult read(ResultSet rows) throws SQLException {
        return new StoredResult(rows.getLong(1), rows.getLong(2), rows.getString(3),
                new ModelKey(rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)),
                rows.getString(8), rows.getString(9), rows.getString(10), StoredCells.instant(rows, 11),
                rows.getLong(15), rows.getLong(16), Optional.ofNullable(rows.getString(12)),
                Optional.ofNullable(rows.getString(13)), List.of(),
                rows.getString(14));
    }

    private static long analysisId(Connection c, long photoId, Provenance provenance) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(
                "SELECT id FROM analysis WHERE photo_id = ? AND model_sha256 = ? AND format = ?")) {
            statement.setLong(1, photoId);
            statement.setString(2, provenance.modelSha256());
            statement.setString(3, provenance.format());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void writeHeads(Connection c, long analysisId, AnalysisOutcome outcome) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM analysis_head WHERE analysis_id = ?")) {
            delete.setLong(1, analysisId);
            delete.executeUpdate();
        }
        if (!(outcome instanceof Analysis analysis)) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO analysis_head (analysis_id, head, top_label, top_probability) VALUES (?, ?, ?, ?)")) {
            for (HeadResult head : analysis.heads()) {
                insert.setLong(1, analysisId);
                insert.setString(2, head.head());
                insert.setString(3, head.topLabel());
                insert.setDouble(4, head.topProbability());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
