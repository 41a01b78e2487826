package ai.haski.desktop.analysis;

/**
 * Milliseconds spent in each stage of one analysis; the stages add up to the total.
 *
 * @param decodeMs reading the file and running the codec (header, EXIF, subsampled decode)
 * @param orientConvertMs turning the decoded pixels upright and into 8-bit sRGB
 * @param preprocessMs resizing and normalising into the input tensor
 * @param inferenceMs the runtime's run
 * @param postprocessMs activations, labels and checks of the outputs
 * @param qualityMs measuring the decoded picture's quality (sharpness, exposure, resolution, colour cast)
 * @param facesMs the face stage: the face detector's run on the decoded picture and the skin tone
 */
public record StageTimings(double decodeMs, double orientConvertMs, double preprocessMs, double inferenceMs,
        double postprocessMs, double totalMs, double qualityMs, double facesMs) {

    /** Timings of an analysis without a quality stage or a face stage (as stored before there were any). */
    public StageTimings(double decodeMs, double orientConvertMs, double preprocessMs, double inferenceMs,
            double postprocessMs, double totalMs) {
        this(decodeMs, orientConvertMs, preprocessMs, inferenceMs, postprocessMs, totalMs, 0, 0);
    }
}
