package ai.haski.desktop.model;

import java.util.List;
import java.util.Map;

/**
 * One weights file of a package: its format, file name, expected SHA-256 and the input layout it uses.
 *
 * @param outputParts for a declared output that this file splits into several tensors (a converter's per-grid
 *     outputs), the runtime tensors whose values, concatenated in this order, make it; empty when every output is
 *     one tensor
 */
public record WeightsSpec(ModelFormat format, String file, String sha256, TensorLayout layout,
        Map<String, List<String>> outputParts) {

    public WeightsSpec {
        outputParts = Map.copyOf(outputParts);
    }

    /** A file whose every output is one tensor. */
    public WeightsSpec(ModelFormat format, String file, String sha256, TensorLayout layout) {
        this(format, file, sha256, layout, Map.of());
    }
}
