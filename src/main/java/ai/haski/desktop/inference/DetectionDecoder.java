package ai.haski.desktop.inference;

import ai.haski.desktop.model.DetectorSpec;
import ai.haski.desktop.model.FaceBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a single-shot detector's raw outputs into boxes, as its {@link DetectorSpec} says: each anchor's score
 * (clipped, then a sigmoid) against the minimum score, its regressors scaled and placed on the anchor, then
 * non-maximum suppression keeping the best of boxes that overlap more than the threshold. Boxes are in the input's
 * 0..1 coordinates.
 */
final class DetectionDecoder {
    private final DetectorSpec spec;
    private final AnchorGrid anchors;

    DetectionDecoder(DetectorSpec spec) {
        this.spec = spec;
        this.anchors = AnchorGrid.of(spec.anchors());
    }

    List<FaceBox> decode(float[] scores, float[] boxes) {
        int count = anchors.size();
        if (scores.length != count || boxes.length != count * spec.coordinates()) {
            throw new IllegalArgumentException("detector outputs hold " + scores.length + " scores and "
                    + boxes.length + " box values; the anchors need " + count + " and " + count * spec.coordinates());
        }
        List<FaceBox> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double score = score(scores[i]);
            if (!(score >= spec.minScore())) {
                continue;
            }
            int base = i * spec.coordinates();
            double centreX = boxes[base] / spec.xScale() * anchors.width(i) + anchors.centreX(i);
            double centreY = boxes[base + 1] / spec.yScale() * anchors.height(i) + anchors.centreY(i);
            double width = boxes[base + 2] / spec.widthScale() * anchors.width(i);
            double height = boxes[base + 3] / spec.heightScale() * anchors.height(i);
            if (width > 0 && height > 0 && Double.isFinite(centreX) && Double.isFinite(centreY)) {
                candidates.add(new FaceBox(centreX - width / 2, centreY - height / 2, width, height, score));
            }
        }
        return suppressed(candidates);
    }

    private double score(float raw) {
        double value = raw;
        if (spec.scoreClipping() > 0) {
            value = Math.max(-spec.scoreClipping(), Math.min(spec.scoreClipping(), value));
        }
        return spec.sigmoidScore() ? 1 / (1 + Math.exp(-value)) : value;
    }

    /** The boxes by falling score, without any that overlaps a better one by more than the threshold. */
    private List<FaceBox> suppressed(List<FaceBox> candidates) {
        candidates.sort(Comparator.comparingDouble(FaceBox::score).reversed());
        List<FaceBox> kept = new ArrayList<>();
        for (FaceBox candidate : candidates) {
            if (kept.stream().allMatch(better -> better.iou(candidate) <= spec.nmsIouThreshold())) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
