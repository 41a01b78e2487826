package ai.haski.desktop.model;

/** How a photo is fitted to the network's input size. */
public enum ResizeMode {
    /** Scale each side independently to the input size, ignoring the aspect ratio. */
    STRETCH,
    /** Scale the shorter side to fit, then cut the centre out of the longer one. */
    CENTER_CROP,
    /** Scale the longer side to fit and pad the rest, keeping the whole photo. */
    LETTERBOX
}
