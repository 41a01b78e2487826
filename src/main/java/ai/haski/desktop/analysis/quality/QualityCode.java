package ai.haski.desktop.analysis.quality;

/** The kinds of problem a photo's quality check can find; the names are the JSON codes. */
public enum QualityCode {
    BLURRED,
    MOTION_BLUR,
    TOO_DARK,
    OVEREXPOSED,
    LOW_RESOLUTION,
    COLOUR_CAST
}
