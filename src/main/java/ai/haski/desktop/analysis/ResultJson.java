package ai.haski.desktop.analysis;

import ai.haski.desktop.analysis.quality.QualityJson;
import ai.haski.desktop.model.HeadResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Haski response contract as JSON, shared by the CLI, the app's "Copy as JSON" and any later API.
 *
 * <p>The contract's keys come first, exactly as the Haski service had them: {@code skin_type}, {@code hair_type},
 * {@code conditions_detected}, {@code confidence_scores}, {@code model_version}, {@code model_type}. The
 * additions follow and never replace them.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultJson() {}

    /** One outcome as a JSON object. */
    public static ObjectNode toJson(AnalysisOutcome outcome) {
        if (outcome instanceof Analysis analysis) {
            return analysis(analysis);
        }
        return failure((AnalysisFailure) outcome);
    }

    /** One outcome as a single line of JSON (for JSONL). */
    public static String toLine(AnalysisOutcome outcome) {
        return write(toJson(outcome), false);
    }

    /** One outcome as indented JSON, for people. */
    public static String toPrettyJson(AnalysisOutcome outcome) {
        return write(toJson(outcome), true);
    }

    private static ObjectNode analysis(Analysis analysis) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("file", analysis.file().toString());
        List<HeadResult> heads = analysis.heads();
        for (HeadResult head : heads) {
            if (!head.reportsFindings()) {
                json.put(head.head(), head.topLabel());
            }
        }
        var conditions = json.putArray("conditions_detected");
        analysis.conditionsDetected().forEach(conditions::add);
        ObjectNode confidence = json.putObject("confidence_scores");
        heads.forEach(head -> confidence.put(head.head(), head.topProbability()));
        Provenance provenance = analysis.provenance();
        json.put("model_version", provenance.modelVersion());
        json.put("model_type", provenance.format());

        json.put("model_id", provenance.modelId());
        json.put("model_name", provenance.modelName());
        json.put("model_sha256", provenance.modelSha256());
        json.put("clinical_use", provenance.clinicalUse());
        ObjectNode backend = json.putObject("backend");
        backend.put("runtime", provenance.runtime());
        backend.put("version", provenance.runtimeVersion());
        ObjectNode probabilities = json.putObject("probabilities");
        for (HeadResult head : heads) {
            ObjectNode byLabel = probabilities.putObject(head.head());
            float[] values = head.probabilities();
            for (int i = 0; i < values.length; i++) {
                byLabel.put(head.labels().get(i), values[i]);
            }
        }
        StageTimings timings = analysis.timings();
        ObjectNode timingsJson = json.putObject("timings_ms");
        timingsJson.put("decode", round(timings.decodeMs()));
        timingsJson.put("orient_convert", round(timings.orientConvertMs()));
        timingsJson.put("preprocess", round(timings.preprocessMs()));
        timingsJson.put("inference", round(timings.inferenceMs()));
        timingsJson.put("postprocess", round(timings.postprocessMs()));
        timingsJson.put("faces", round(timings.facesMs()));
        timingsJson.put("total", round(timings.totalMs()));
        timingsJson.put("quality", round(timings.qualityMs()));
        putImage(json, analysis.image());
        putRegion(json, analysis.region());
        FaceJson.put(json, analysis);
        analysis.quality().ifPresent(quality -> QualityJson.put(json, quality));
        var warnings = json.putArray("warnings");
        analysis.warnings().forEach(warnings::add);
        return json;
    }

    /** The {@code "image"} object: the upright photo's size, its EXIF orientation and its format. */
    static void putImage(ObjectNode json, ImageFacts image) {
        ObjectNode imageJson = json.putObject("image");
        imageJson.put("width", image.width());
        imageJson.put("height", image.height());
        imageJson.put("orientation", image.orientation());
        imageJson.put("format", image.format());
    }

    /** The {@code "region"} object: the box of the upright photo the model saw, and where it came from. */
    static void putRegion(ObjectNode json, Region region) {
        ObjectNode regionJson = json.putObject("region");
        regionJson.put("x", region.x());
        regionJson.put("y", region.y());
        regionJson.put("width", region.width());
        regionJson.put("height", region.height());
        regionJson.put("source", region.source().id());
    }

    private static ObjectNode failure(AnalysisFailure failure) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("file", failure.file().toString());
        ObjectNode error = json.putObject("error");
        error.put("code", failure.code());
        error.put("message", failure.message());
        return json;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    private static String write(ObjectNode json, boolean pretty) {
        try {
            return pretty ? MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
                    : MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of plain values always serialises", e);
        }
    }
}
