package ai.haski.desktop.model;

/** What a package's network does: classify a photo (the default), or find faces in it. */
public enum ModelTask {
    /** Heads of labels with probabilities, as every Haski classifier has. */
    CLASSIFICATION,
    /** Face boxes with scores, decoded as the manifest's {@code detector} section says. */
    FACE_DETECTION
}
