package ai.haski.desktop.inference;

/** Order of the axes of a single-image input tensor: channels first (NCHW) or channels last (NHWC). */
public enum TensorLayout {
    NCHW,
    NHWC
}
