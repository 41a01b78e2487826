package ai.haski.desktop.spark;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.analysis.ResultJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The job's output row. Parquet gets a few columns to filter and join on, and {@code result}: the very JSON object
 * {@code analyze} prints for the file ({@link ResultJson}), so nothing is re-encoded and the contract stays one
 * place. JSON Lines gets that object itself with {@code path} and {@code app_version} added after its keys.
 */
final class ResultRows {
    static final String PATH = "path";
    static final String APP_VERSION = "app_version";
    static final String RESULT = "result";

    /** The Parquet schema; {@code error_code} is null for a file that was analysed. */
    static final StructType SCHEMA = new StructType()
            .add(PATH, DataTypes.StringType, false)
            .add("file", DataTypes.StringType, false)
            .add(APP_VERSION, DataTypes.StringType, false)
            .add("model_id", DataTypes.StringType, true)
            .add("model_version", DataTypes.StringType, true)
            .add("model_type", DataTypes.StringType, true)
            .add("model_sha256", DataTypes.StringType, true)
            .add("error_code", DataTypes.StringType, true)
            .add(RESULT, DataTypes.StringType, false);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultRows() {}

    /**
     * The {@code analyze} JSON of {@code outcome}, naming the file as {@code file} (the photo's own path or URI,
     * not the temporary copy a remote photo was analysed from).
     */
    static ObjectNode resultJson(AnalysisOutcome outcome, String file) {
        ObjectNode json = ResultJson.toJson(outcome);
        json.put("file", file);
        return json;
    }

    /** One Parquet row. */
    static Row row(String path, String file, String appVersion, AnalysisOutcome outcome) {
        String result = write(resultJson(outcome, file));
        if (outcome instanceof Analysis analysis) {
            Provenance p = analysis.provenance();
            return RowFactory.create(path, file, appVersion, p.modelId(), p.modelVersion(), p.format(),
                    p.modelSha256(), null, result);
        }
        AnalysisFailure failure = (AnalysisFailure) outcome;
        return RowFactory.create(path, file, appVersion, null, null, null, null, failure.code(), result);
    }

    /** One JSON Lines line: the {@code analyze} object, then {@code path} and {@code app_version}. */
    static String line(String path, String file, String appVersion, AnalysisOutcome outcome) {
        ObjectNode json = resultJson(outcome, file);
        json.put(PATH, path);
        json.put(APP_VERSION, appVersion);
        return write(json);
    }

    private static String write(ObjectNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of plain values always serialises", e);
        }
    }
}
