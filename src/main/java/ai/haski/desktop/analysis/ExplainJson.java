package ai.haski.desktop.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * An {@link Explanation} as JSON, for the CLI's {@code explain} and any later face. Row 0 of {@code grid.values}
 * is the top of the upright photo; {@code cells} maps the grid onto the full-size upright photo's pixels.
 */
public final class ExplainJson {
    /** What every map says of itself, so that no one reads it as a diagnosis. */
    public static final String NOTE = "occlusion-sensitivity estimate of this model's behaviour, not a medical "
            + "finding";
    /** Added to the note when the manifest says {@code clinical_use: false}. */
    public static final String NOT_CLINICAL = "the model is untrained or not validated for clinical use "
            + "(its manifest says clinical_use: false)";
    /** The occluder, in words: see {@link ai.haski.desktop.inference.InputGrid#OCCLUDER}. */
    public static final String OCCLUDER = "mean colour: each cell set to 0 after normalisation, the model's mean "
            + "input colour";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExplainJson() {}

    public static ObjectNode toJson(Explanation explanation) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("file", explanation.file().toString());
        Provenance provenance = explanation.provenance();
        json.put("model_id", provenance.modelId());
        json.put("model_version", provenance.modelVersion());
        json.put("model_sha256", provenance.modelSha256());
        json.put("format", provenance.format());
        json.put("runtime", provenance.runtime());
        json.put("runtime_version", provenance.runtimeVersion());
        json.put("clinical_use", provenance.clinicalUse());
        OcclusionMap map = explanation.map();
        json.put("head", map.head());
        json.put("label", map.label());
        json.put("probability", map.probability());
        ObjectNode grid = json.putObject("grid");
        grid.put("rows", map.rows());
        grid.put("cols", map.cols());
        ArrayNode values = grid.putArray("values");
        for (int r = 0; r < map.rows(); r++) {
            ArrayNode row = values.addArray();
            for (int c = 0; c < map.cols(); c++) {
                row.add(map.value(r, c));
            }
        }
        ObjectNode cells = json.putObject("cells");
        cells.put("units", "pixels of the full-size upright photo; cell (r, c) spans x_edges[c] to x_edges[c+1] "
                + "and y_edges[r] to y_edges[r+1]");
        ArrayNode xEdges = cells.putArray("x_edges");
        for (int i = 0; i <= map.cols(); i++) {
            xEdges.add(round(map.xEdge(i)));
        }
        ArrayNode yEdges = cells.putArray("y_edges");
        for (int i = 0; i <= map.rows(); i++) {
            yEdges.add(round(map.yEdge(i)));
        }
        // The same objects as an analysis result has, so a map and its result read alike.
        ResultJson.putImage(json, explanation.image());
        ResultJson.putRegion(json, explanation.region());
        json.put("occluder", OCCLUDER);
        json.put("note", provenance.clinicalUse() ? NOTE : NOTE + "; " + NOT_CLINICAL);
        ExplainTimings timings = explanation.timings();
        ObjectNode timingsJson = json.putObject("timings_ms");
        timingsJson.put("decode", round(timings.decodeMs()));
        timingsJson.put("preprocess", round(timings.preprocessMs()));
        timingsJson.put("baseline", round(timings.baselineMs()));
        timingsJson.put("occlusion", round(timings.occlusionMs()));
        timingsJson.put("total", round(timings.totalMs()));
        json.put("runs", timings.runs());
        var warnings = json.putArray("warnings");
        explanation.warnings().forEach(warnings::add);
        return json;
    }

    /** Indented JSON, for people and files. */
    public static String toPrettyJson(Explanation explanation) {
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(explanation));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of plain values always serialises", e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
