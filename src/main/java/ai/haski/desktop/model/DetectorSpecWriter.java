package ai.haski.desktop.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a {@link DetectorSpec} as the {@code detector} section that {@link DetectorSpecParser} reads. */
final class DetectorSpecWriter {
    private DetectorSpecWriter() {}

    static void write(ObjectNode out, DetectorSpec detector) {
        out.put("scores_output", detector.scoresOutput());
        out.put("boxes_output", detector.boxesOutput());
        SsdAnchors anchors = detector.anchors();
        ObjectNode a = out.putObject("anchors");
        a.put("input_width", anchors.inputWidth());
        a.put("input_height", anchors.inputHeight());
        ArrayNode strides = a.putArray("strides");
        anchors.strides().forEach(strides::add);
        a.put("min_scale", anchors.minScale());
        a.put("max_scale", anchors.maxScale());
        a.put("anchor_offset_x", anchors.anchorOffsetX());
        a.put("anchor_offset_y", anchors.anchorOffsetY());
        ArrayNode ratios = a.putArray("aspect_ratios");
        anchors.aspectRatios().forEach(ratios::add);
        a.put("interpolated_scale_aspect_ratio", anchors.interpolatedScaleAspectRatio());
        a.put("fixed_anchor_size", anchors.fixedAnchorSize());
        ObjectNode box = out.putObject("box");
        box.put("coordinates", detector.coordinates());
        box.put("x_scale", detector.xScale());
        box.put("y_scale", detector.yScale());
        box.put("w_scale", detector.widthScale());
        box.put("h_scale", detector.heightScale());
        ObjectNode score = out.putObject("score");
        score.put("sigmoid", detector.sigmoidScore());
        score.put("clipping", detector.scoreClipping());
        score.put("min_score", detector.minScore());
        out.putObject("nms").put("iou_threshold", detector.nmsIouThreshold());
    }
}
