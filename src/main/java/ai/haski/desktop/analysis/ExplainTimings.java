package ai.haski.desktop.analysis;

/**
 * Milliseconds spent in each stage of one explanation; the photo is decoded and preprocessed once.
 *
 * @param decodeMs reading, decoding, turning upright and converting the photo
 * @param preprocessMs resizing and normalising into the input tensor
 * @param baselineMs the unoccluded run that gives the label's probability
 * @param occlusionMs every occluded run, with copying the tensor and blanking a cell before each
 * @param runs how many occluded runs (one per cell, one after another)
 */
public record ExplainTimings(double decodeMs, double preprocessMs, double baselineMs, double occlusionMs,
        double totalMs, int runs) {}
