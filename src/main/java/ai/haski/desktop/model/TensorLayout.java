package ai.haski.desktop.model;

/** How an image tensor orders its axes */
public enum TensorLayout {
     channels first (NCHW, PyTorch exports) or last (NHWC, TFLite).:NCHW, NHWC
}
