package ai.haski.desktop.inference;

import ai.haski.desktop.model.SsdAnchors;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchors of a single-shot detector, generated from the {@link SsdAnchors} parameters in its manifest, in the
 * order the network's output rows follow: layer group by layer group (consecutive layers of one stride form one
 * group), the cells of its feature map row by row, and each cell's anchors in turn. Each anchor is a centre and a
 * size in the input's 0..1 coordinates.
 */
final class AnchorGrid {
    private final double[] centreX;
    private final double[] centreY;
    private final double[] width;
    private final double[] height;

    private AnchorGrid(double[] centreX, double[] centreY, double[] width, double[] height) {
        this.centreX = centreX;
        this.centreY = centreY;
        this.width = width;
        this.height = height;
    }

    static AnchorGrid of(SsdAnchors spec) {
        int count = spec.count();
        double[] cx = new double[count];
        double[] cy = new double[count];
        double[] w = new double[count];
        double[] h = new double[count];
        int index = 0;
        List<Integer> strides = spec.strides();
        int layer = 0;
        while (layer < strides.size()) {
            int stride = strides.get(layer);
            // The sizes of every anchor in one cell, from each layer that shares this stride.
            List<double[]> sizes = new ArrayList<>();
            int last = layer;
            while (last < strides.size() && strides.get(last) == stride) {
                double scale = scale(spec, last);
                for (double ratio : spec.aspectRatios()) {
                    sizes.add(new double[] {scale * Math.sqrt(ratio), scale / Math.sqrt(ratio)});
                }
                if (spec.interpolatedScaleAspectRatio() > 0) {
                    double next = last == strides.size() - 1 ? 1.0 : scale(spec, last + 1);
                    double between = Math.sqrt(scale * next);
                    double ratio = spec.interpolatedScaleAspectRatio();
                    sizes.add(new double[] {between * Math.sqrt(ratio), between / Math.sqrt(ratio)});
                }
                last++;
            }
            int columns = ceilDiv(spec.inputWidth(), stride);
            int rows = ceilDiv(spec.inputHeight(), stride);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    for (double[] size : sizes) {
                        cx[index] = (x + spec.anchorOffsetX()) / columns;
                        cy[index] = (y + spec.anchorOffsetY()) / rows;
                        w[index] = spec.fixedAnchorSize() ? 1 : size[0];
                        h[index] = spec.fixedAnchorSize() ? 1 : size[1];
                        index++;
                    }
                }
            }
            layer = last;
        }
        if (index != count) {
            throw new IllegalStateException("anchor grid made " + index + " anchors, expected " + count);
        }
        return new AnchorGrid(cx, cy, w, h);
    }

    /** A layer's scale, spread evenly from the smallest to the largest over the layers. */
    private static double scale(SsdAnchors spec, int layer) {
        int layers = spec.strides().size();
        if (layers == 1) {
            return (spec.minScale() + spec.maxScale()) / 2;
        }
        return spec.minScale() + (spec.maxScale() - spec.minScale()) * layer / (layers - 1.0);
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    int size() {
        return centreX.length;
    }

    double centreX(int anchor) {
        return centreX[anchor];
    }

    double centreY(int anchor) {
        return centreY[anchor];
    }

    double width(int anchor) {
        return width[anchor];
    }

    double height(int anchor) {
        return height[anchor];
    }
}
