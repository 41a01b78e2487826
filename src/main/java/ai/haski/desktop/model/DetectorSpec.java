package ai.haski.desktop.model;

/**
 * How a face detector's raw outputs become boxes, as data in its manifest: which outputs hold the score logits and
 * the box regressors, the anchor grid they refer to, how the regressors are laid out and scaled, the score
 * activation and threshold, and the overlap above which non-maximum suppression keeps only the better box.
 *
 * @param scoresOutput the output with one score logit per anchor ({@code [1, anchors, 1]})
 * @param boxesOutput the output with {@code coordinates} regressors per anchor: centre x, centre y, width, height
 *     first (then key points, unused here)
 * @param coordinates the regressors per anchor
 * @param xScale divides the centre x regressor (input pixels, so the input width for BlazeFace)
 * @param yScale divides the centre y regressor
 * @param widthScale divides the width regressor
 * @param heightScale divides the height regressor
 * @param sigmoidScore whether the score is a logit that a sigmoid turns into a probability
 * @param scoreClipping logits are clipped to plus or minus this before the sigmoid (0: no clipping)
 * @param minScore a box scoring below this is dropped
 * @param nmsIouThreshold of two boxes overlapping more than this (intersection over union), the lower-scoring goes
 */
public record DetectorSpec(
        String scoresOutput,
        String boxesOutput,
        int coordinates,
        SsdAnchors anchors,
        double xScale,
        double yScale,
        double widthScale,
        double heightScale,
        boolean sigmoidScore,
        double scoreClipping,
        double minScore,
        double nmsIouThreshold) {}
