package ai.haski.desktop.model;

/** How an image tensor orders its axes: channels first (NCHW, PyTorch exports) or last (NHWC, TFLite). */
public enum TensorLayout {
    NCHW,
    NHWC
}
