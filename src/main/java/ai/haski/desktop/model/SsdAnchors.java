package ai.haski.desktop.model;

import java.util.List;

/**
 * The parameters of a single-shot detector's anchor grid, as MediaPipe's SSD anchor options name them: each layer
 * has a stride (feature maps of input / stride cells), a scale between {@code minScale} and {@code maxScale}, and
 * per cell one anchor per aspect ratio, plus one between this layer's scale and the next when
 * {@code interpolatedScaleAspectRatio} is positive. Consecutive layers with the same stride share one feature map,
 * so their anchors interleave per cell. With {@code fixedAnchorSize} every anchor is 1 x 1 and the regressors hold
 * sizes in input pixels.
 */
public record SsdAnchors(
        int inputWidth,
        int inputHeight,
        List<Integer> strides,
        double minScale,
        double maxScale,
        double anchorOffsetX,
        double anchorOffsetY,
        List<Double> aspectRatios,
        double interpolatedScaleAspectRatio,
        boolean fixedAnchorSize) {

    public SsdAnchors {
        strides = List.copyOf(strides);
        aspectRatios = List.copyOf(aspectRatios);
    }

    /** The number of anchors the grid has: the rows the network's score and box outputs must hold. */
    public int count() {
        int total = 0;
        for (int layer = 0; layer < strides.size(); layer++) {
            int stride = strides.get(layer);
            int cells = ceilDiv(inputWidth, stride) * ceilDiv(inputHeight, stride);
            int perCell = aspectRatios.size() + (interpolatedScaleAspectRatio > 0 ? 1 : 0);
            total += cells * perCell;
        }
        return total;
    }

    static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
