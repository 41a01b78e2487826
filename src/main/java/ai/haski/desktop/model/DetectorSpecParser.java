package ai.haski.desktop.model;

import ai.haski.desktop.model.ManifestProblem.Code;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a {@code model.json} that a detector adds: its {@code detector} section (anchors, box decoding,
 * score and suppression thresholds) and a weights file's {@code output_parts}, through the {@link ManifestParser}'s
 * field readers so that every problem names its field the same way.
 */
final class DetectorSpecParser {
    private final ManifestParser fields;

    DetectorSpecParser(ManifestParser fields) {
        this.fields = fields;
    }

    DetectorSpec detector(JsonNode detector, List<OutputSpec> outputs) throws ModelPackageException {
        SsdAnchors anchors = anchors(fields.node(detector, "anchors", "detector.anchors"));
        JsonNode box = fields.node(detector, "box", "detector.box");
        int coordinates = fields.positive(box, "coordinates", "detector.box.coordinates");
        if (coordinates < 4) {
            throw fields.error("detector.box.coordinates", Code.OUT_OF_RANGE, 4, 1024, coordinates);
        }
        String scores = fields.text(detector, "scores_output", "detector.scores_output");
        String boxes = fields.text(detector, "boxes_output", "detector.boxes_output");
        requireRows(outputs, scores, 1, anchors.count(), "detector.scores_output");
        requireRows(outputs, boxes, coordinates, anchors.count(), "detector.boxes_output");
        JsonNode score = fields.node(detector, "score", "detector.score");
        JsonNode nms = fields.node(detector, "nms", "detector.nms");
        return new DetectorSpec(scores, boxes, coordinates, anchors,
                positiveNumber(box, "x_scale", "detector.box.x_scale"),
                positiveNumber(box, "y_scale", "detector.box.y_scale"),
                positiveNumber(box, "w_scale", "detector.box.w_scale"),
                positiveNumber(box, "h_scale", "detector.box.h_scale"),
                fields.bool(score, "sigmoid", "detector.score.sigmoid"),
                share(score, "clipping", "detector.score.clipping", 0, 1000),
                share(score, "min_score", "detector.score.min_score", 0, 1),
                share(nms, "iou_threshold", "detector.nms.iou_threshold", 0, 1));
    }

    private SsdAnchors anchors(JsonNode anchors) throws ModelPackageException {
        List<Integer> strides = new ArrayList<>();
        JsonNode strideArray = fields.array(anchors, "strides", "detector.anchors.strides");
        for (JsonNode stride : strideArray) {
            if (!stride.canConvertToInt() || !stride.isIntegralNumber() || stride.asInt() <= 0) {
                throw fields.error("detector.anchors.strides", Code.SHAPE_NOT_POSITIVE, strideArray);
            }
            strides.add(stride.asInt());
        }
        if (strides.isEmpty()) {
            throw fields.error("detector.anchors.strides", Code.WRONG_COUNT, "1 or more", 0);
        }
        List<Double> ratios = new ArrayList<>();
        JsonNode ratioArray = fields.array(anchors, "aspect_ratios", "detector.anchors.aspect_ratios");
        for (JsonNode ratio : ratioArray) {
            if (!ratio.isNumber() || !(ratio.asDouble() > 0)) {
                throw fields.error("detector.anchors.aspect_ratios", Code.NOT_POSITIVE, ratio);
            }
            ratios.add(ratio.asDouble());
        }
        return new SsdAnchors(
                fields.positive(anchors, "input_width", "detector.anchors.input_width"),
                fields.positive(anchors, "input_height", "detector.anchors.input_height"),
                strides,
                share(anchors, "min_scale", "detector.anchors.min_scale", 0, 10),
                share(anchors, "max_scale", "detector.anchors.max_scale", 0, 10),
                share(anchors, "anchor_offset_x", "detector.anchors.anchor_offset_x", 0, 1),
                share(anchors, "anchor_offset_y", "detector.anchors.anchor_offset_y", 0, 1),
                ratios,
                share(anchors, "interpolated_scale_aspect_ratio",
                        "detector.anchors.interpolated_scale_aspect_ratio", 0, 10),
                fields.bool(anchors, "fixed_anchor_size", "detector.anchors.fixed_anchor_size"));
    }

    /** The named output must hold one row of {@code perRow} values per anchor. */
    private void requireRows(List<OutputSpec> outputs, String name, int perRow, int anchors, String field)
            throws ModelPackageException {
        OutputSpec output = outputs.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> fields.error(field, Code.UNKNOWN_OUTPUT, name,
                        outputs.stream().map(OutputSpec::name).toList()));
        if (output.elementCount() != (long) anchors * perRow) {
            throw fields.error(field, Code.ANCHOR_COUNT, anchors, name, perRow, output.elementCount());
        }
    }

    /** A weights file's {@code output_parts}: declared output name to the runtime tensors that make it, in order. */
    Map<String, List<String>> outputParts(JsonNode spec, String at, List<OutputSpec> outputs)
            throws ModelPackageException {
        if (!spec.has("output_parts")) {
            return Map.of();
        }
        JsonNode parts = fields.node(spec, "output_parts", at + ".output_parts");
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) parts::fields) {
            String field = at + ".output_parts." + entry.getKey();
            if (outputs.stream().noneMatch(o -> o.name().equals(entry.getKey()))) {
                throw fields.error(field, Code.UNKNOWN_OUTPUT, entry.getKey(),
                        outputs.stream().map(OutputSpec::name).toList());
            }
            result.put(entry.getKey(), List.copyOf(fields.textList(parts, entry.getKey(), field)));
        }
        return result;
    }

    private double positiveNumber(JsonNode parent, String key, String field) throws ModelPackageException {
        double value = fields.number(parent, key, field);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw fields.error(field, Code.NOT_POSITIVE, value);
        }
        return value;
    }

    private double share(JsonNode parent, String key, String field, double min, double max)
            throws ModelPackageException {
        double value = fields.number(parent, key, field);
        if (!(value >= min && value <= max)) {
            throw fields.error(field, Code.OUT_OF_RANGE, min, max, value);
        }
        return value;
    }
}
