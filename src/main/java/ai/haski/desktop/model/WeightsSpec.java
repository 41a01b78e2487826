package ai.haski.desktop.model;

/** One weights file of a package: its format, file name, expected SHA-256 and the input layout it uses. */
public record WeightsSpec(ModelFormat format, String file, String sha256, TensorLayout layout) {}
