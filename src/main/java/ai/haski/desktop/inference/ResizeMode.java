package ai.haski.desktop.inference;

/** How a picture is fitted to a model's input size when their proportions differ. */
public enum ResizeMode {
    /** Resize to exactly the input size; proportions change. */
    STRETCH,
    /** Cut the largest centred region with the input's proportions, then resize it; the edges are lost. */
    CENTER_CROP,
    /** Resize to fit inside the input with proportions kept, centred; the rest is padded with pixel value 0. */
    LETTERBOX
}
