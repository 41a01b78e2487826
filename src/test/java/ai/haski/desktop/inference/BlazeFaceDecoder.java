package ai.haski.desktop.inference;

import ai.haski.desktop.model.TensorInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw outputs of MediaPipe's 128 x 128 BlazeFace detectors (short-range / "front") into the best face box,
 * as MediaPipe's SSD post-processing describes them (written from that description, no code copied): 896 anchors,
 * a 16 x 16 grid of stride 8 with 2 anchors per cell (512) then an 8 x 8 grid of stride 16 with 6 per cell (384),
 * row by row; every anchor has unit size and its centre at the cell's centre. Each anchor has one score logit
 * (sigmoid) and 16 regressors: the box centre offset x, y and size w, h, then six key points, all in input pixels
 * relative to the anchor centre.
 *
 * <p>A runtime may give the scores and regressors as one tensor each ({@code [1,896,1]}, {@code [1,896,16]}) or split
 * per grid; {@link #outputsOf} puts them back in anchor order.
 */
final class BlazeFaceDecoder {
    static final int INPUT_SIZE = 128;
    static final int ANCHORS = 896;
    static final int REGRESSORS = 16;

    /** A box in the input's 0..1 coordinates, y downwards, with its score. */
    record Box(double xMin, double yMin, double xMax, double yMax, double score) {
        double centreX() {
            return (xMin + xMax) / 2;
        }

        double centreY() {
            return (yMin + yMax) / 2;
        }

        double width() {
            return xMax - xMin;
        }

        double height() {
            return yMax - yMin;
        }

        double iou(Box other) {
            double w = Math.max(0, Math.min(xMax, other.xMax) - Math.max(xMin, other.xMin));
            double h = Math.max(0, Math.min(yMax, other.yMax) - Math.max(yMin, other.yMin));
            double inner = w * h;
            return inner / (width() * height() + other.width() * other.height() - inner);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "[x %.4f..%.4f, y %.4f..%.4f, score %.4f]", xMin, xMax, yMin,
                    yMax, score);
        }
    }

    /** Score logits (896) and regressors (896 x 16), in anchor order. */
    record Outputs(float[] scores, float[] regressors) {}

    private BlazeFaceDecoder() {}

    /** The anchor centres, {@code [x, y]} in 0..1, in the order the network's outputs follow. */
    static double[][] anchorCentres() {
        double[][] centres = new double[ANCHORS][];
        int index = 0;
        int[][] grids = {{8, 2}, {16, 6}}; // stride, anchors per cell
        for (int[] grid : grids) {
            int cells = INPUT_SIZE / grid[0];
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < grid[1]; a++) {
                        centres[index++] = new double[] {(x + 0.5) / cells, (y + 0.5) / cells};
                    }
                }
            }
        }
        return centres;
    }

    /**
     * Gathers the scores and regressors from a runtime's outputs by their shapes: {@code [1, n, 1]} holds scores,
     * {@code [1, n, 16]} regressors. Split outputs are ordered by anchor count, largest first: the stride-8 grid has
     * 512 anchors, the stride-16 grid 384, and the anchors run stride 8 first.
     */
    static Outputs outputsOf(List<TensorInfo> infos, Map<String, float[]> values) {
        List<TensorInfo> scoreTensors = new ArrayList<>();
        List<TensorInfo> regressorTensors = new ArrayList<>();
        for (TensorInfo info : infos) {
            long[] shape = info.shape();
            if (shape.length != 3 || shape[0] != 1) {
                throw new IllegalArgumentException("not a BlazeFace output: " + info);
            }
            if (shape[2] == 1) {
                scoreTensors.add(info);
            } else if (shape[2] == REGRESSORS) {
                regressorTensors.add(info);
            } else {
                throw new IllegalArgumentException("not a BlazeFace output: " + info);
            }
        }
        return new Outputs(concatenate(scoreTensors, values, 1), concatenate(regressorTensors, values, REGRESSORS));
    }

    private static float[] concatenate(List<TensorInfo> tensors, Map<String, float[]> values, int perAnchor) {
        tensors.sort(Comparator.comparingLong((TensorInfo t) -> t.shape()[1]).reversed());
        float[] all = new float[ANCHORS * perAnchor];
        int at = 0;
        for (TensorInfo tensor : tensors) {
            float[] part = values.get(tensor.name());
            if (at + part.length > all.length) {
                throw new IllegalArgumentException("more than " + ANCHORS + " anchors in " + tensors);
            }
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        if (at != all.length) {
            throw new IllegalArgumentException(at / perAnchor + " anchors in " + tensors + ", expected " + ANCHORS);
        }
        return all;
    }

    /** The box of the highest-scoring anchor. */
    static Box best(Outputs outputs) {
        double[][] anchors = anchorCentres();
        int best = 0;
        for (int i = 1; i < ANCHORS; i++) {
            if (outputs.scores()[i] > outputs.scores()[best]) {
                best = i;
            }
        }
        float[] r = outputs.regressors();
        int base = best * REGRESSORS;
        double centreX = anchors[best][0] + r[base] / INPUT_SIZE;
        double centreY = anchors[best][1] + r[base + 1] / INPUT_SIZE;
        double halfWidth = r[base + 2] / INPUT_SIZE / 2;
        double halfHeight = r[base + 3] / INPUT_SIZE / 2;
        double score = 1 / (1 + Math.exp(-outputs.scores()[best]));
        return new Box(centreX - halfWidth, centreY - halfHeight, centreX + halfWidth, centreY + halfHeight, score);
    }
}
