package ai.haski.desktop.analysis;

import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.HeadDecoder;
import ai.haski.desktop.inference.InferenceException;
import ai.haski.desktop.inference.InputGrid;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Occlusion sensitivity on one preprocessed tensor: runs the model on it as it is, then once per grid cell on a
 * copy with that cell set to the model's mean colour ({@link InputGrid#OCCLUDER}), and records how far the label's
 * probability fell. Needs nothing of the network's insides, so it works for any model on either runtime.
 *
 * <p>The runs go one after another with a batch of one: the packages' inputs have a fixed batch of one, and at a
 * few milliseconds a run the default grid already takes well under a second. One instance serves one explanation.
 */
final class Explainer {
    private final ActiveModel model;
    private final HeadSpec head;
    private long baselineNanos;
    private long occlusionNanos;

    Explainer(ActiveModel model, HeadSpec head) {
        this.model = model;
        this.head = head;
    }

    /**
     * The map over {@code grid}, its edges scaled from the preprocessed picture's pixels to the full-size photo's
     * and moved by the explained region's top left corner ({@code originX}, {@code originY}).
     *
     * @param preprocessed the photo's input tensor, position 0; it is read, never changed
     * @param label the label to explain; empty: the head's top label for this photo
     * @throws CancellationException when {@code cancelled} says so between two runs
     */
    OcclusionMap run(ByteBuffer preprocessed, InputGrid grid, Optional<String> label, double originX,
            double originY, double toUprightX, double toUprightY, ExplainProgress progress,
            BooleanSupplier cancelled) throws InferenceException {
        long start = System.nanoTime();
        HeadResult baseline = decode(preprocessed);
        String explained = label.orElse(baseline.topLabel());
        float probability = baseline.probability(explained);
        long baselineDone = System.nanoTime();
        baselineNanos = baselineDone - start;

        ByteBuffer occluded = ByteBuffer.allocateDirect(preprocessed.capacity()).order(ByteOrder.nativeOrder());
        FloatBuffer occludedFloats = occluded.asFloatBuffer();
        int total = grid.rows() * grid.cols();
        float[][] drops = new float[grid.rows()][grid.cols()];
        progress.update(0, total);
        int done = 0;
        for (int row = 0; row < grid.rows(); row++) {
            for (int col = 0; col < grid.cols(); col++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("explanation cancelled after " + done + " of " + total
                            + " runs");
                }
                // A fresh copy each time: restoring only the last cell would save little and risk a stale cell.
                occluded.clear();
                occluded.put(preprocessed.duplicate().clear());
                occluded.clear();
                grid.occlude(occludedFloats, row, col);
                drops[row][col] = probability - decode(occluded).probability(explained);
                progress.update(++done, total);
            }
        }
        occlusionNanos = System.nanoTime() - baselineDone;
        return new OcclusionMap(head.name(), explained, probability, drops,
                edges(grid.cols() + 1, i -> originX + grid.imageX(i) * toUprightX),
                edges(grid.rows() + 1, i -> originY + grid.imageY(i) * toUprightY));
    }

    long baselineNanos() {
        return baselineNanos;
    }

    long occlusionNanos() {
        return occlusionNanos;
    }

    private HeadResult decode(ByteBuffer input) throws InferenceException {
        return HeadDecoder.decode(List.of(head), model.infer(input)).get(0);
    }

    private static double[] edges(int count, java.util.function.IntToDoubleFunction edge) {
        double[] edges = new double[count];
        for (int i = 0; i < count; i++) {
            edges[i] = edge.applyAsDouble(i);
        }
        return edges;
    }
}
