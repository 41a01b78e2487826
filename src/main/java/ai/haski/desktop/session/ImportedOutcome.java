package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.ImageFacts;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.StageTimings;
import ai.haski.desktop.model.HeadResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result computed elsewhere (the Spark job, {@code analyze --out}) read back from its {@code analyze} JSON into the
 * {@link Analysis} it was written from, so that the session stores it as it stores its own batch's results.
 */
final class ImportedOutcome {
    private ImportedOutcome() {}

    /**
     * The analysis a result object describes, for the photo {@code file}.
     *
     * @throws IllegalArgumentException naming what is missing, when the object is not a successful analyze result
     */
    static Analysis parse(JsonNode json, Path file) {
        JsonNode probabilities = require(json, "probabilities");
        JsonNode confidence = require(json, "confidence_scores");
        Set<String> detected = new HashSet<>();
        require(json, "conditions_detected").forEach(label -> detected.add(label.asText()));
        List<HeadResult> heads = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = probabilities.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> head = it.next();
            heads.add(head(head.getKey(), head.getValue(), json, confidence, detected));
        }
        JsonNode backend = require(json, "backend");
        Provenance provenance = new Provenance(text(json, "model_id"), text(json, "model_name"),
                text(json, "model_version"), text(json, "model_sha256"), text(json, "model_type"),
                text(backend, "runtime"), text(backend, "version"), require(json, "clinical_use").asBoolean());
        JsonNode image = require(json, "image");
        ImageFacts facts = new ImageFacts(require(image, "width").asInt(), require(image, "height").asInt(),
                require(image, "orientation").asInt(), text(image, "format"));
        JsonNode t = require(json, "timings_ms");
        StageTimings timings = new StageTimings(t.path("decode").asDouble(), t.path("orient_convert").asDouble(),
                t.path("preprocess").asDouble(), t.path("inference").asDouble(), t.path("postprocess").asDouble(),
                t.path("total").asDouble());
        List<String> warnings = new ArrayList<>();
        json.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new Analysis(file, heads, provenance, facts, timings, warnings, region(json, facts));
    }

    /** The region the result is of; a result written before regions existed was of the whole photo. */
    private static Region region(JsonNode json, ImageFacts facts) {
        JsonNode region = json.get("region");
        if (region == null || region.isNull()) {
            return Region.whole(facts.width(), facts.height());
        }
        return new Region(require(region, "x").asInt(), require(region, "y").asInt(),
                require(region, "width").asInt(), require(region, "height").asInt(),
                Region.Source.of(text(region, "source")));
    }

    /**
     * One head: a head named as a top-level key is a single-label head whose value is its top label; any other
     * reports findings, the labels of {@code conditions_detected} that are its own.
     */
    private static HeadResult head(String name, JsonNode byLabel, JsonNode json, JsonNode confidence,
            Set<String> detected) {
        List<String> labels = new ArrayList<>();
        float[] values = new float[byLabel.size()];
        int top = 0;
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = byLabel.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> label = it.next();
            labels.add(label.getKey());
            values[i] = label.getValue().floatValue();
            if (values[i] > values[top]) {
                top = i;
            }
        }
        boolean findings = !json.has(name);
        String topLabel = findings ? labels.get(top) : json.get(name).asText();
        List<String> found = findings ? labels.stream().filter(detected::contains).toList() : List.of();
        return new HeadResult(name, labels, values, topLabel, require(confidence, name).floatValue(), findings,
                found);
    }

    private static JsonNode require(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no \"" + key + "\"");
        }
        return value;
    }

    private static String text(JsonNode json, String key) {
        return require(json, key).asText();
    }
}
