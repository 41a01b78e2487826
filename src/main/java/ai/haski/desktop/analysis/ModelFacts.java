package ai.haski.desktop.analysis;

import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.RuntimeStatus;
import java.util.List;

/**
 * What an open analyzer runs on: the package, the format and runtime that loaded it, the exact weights, and how the
 * model did on its test vector.
 *
 * @param sha256 the SHA-256 of the exact weight bytes the runtime loaded
 * @param testVectorDeviation the largest absolute difference between the runtime's outputs and the expected ones
 * @param loadNotes why a preferred format was passed over, if one was; empty when the first choice loaded
 */
public record ModelFacts(ModelPackage modelPackage, ModelFormat format, String sha256, RuntimeStatus runtime,
        double testVectorDeviation, List<String> loadNotes) {

    public ModelFacts {
        loadNotes = List.copyOf(loadNotes);
    }

    public ModelManifest manifest() {
        return modelPackage.manifest();
    }

    /** E.g. {@code haski-reference 1.0.0 (onnx, ONNX Runtime 1.23.2)}. */
    public String describe() {
        return manifest().id() + " " + manifest().version() + " (" + format.id() + ", " + runtime.describe() + ")";
    }
}
