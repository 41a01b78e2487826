package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Provenance;

/**
 * Which model produced a result. Two results are by the same model when the weights' SHA-256 and the format are
 * the same; id and version are kept to show people.
 */
public record ModelKey(String modelId, String modelVersion, String sha256, String format) {

    /** The model named by an analysis's provenance. */
    public static ModelKey of(Provenance provenance) {
        return new ModelKey(provenance.modelId(), provenance.modelVersion(), provenance.modelSha256(),
                provenance.format());
    }

    /** Whether a result with these weights and format is by this model. */
    public boolean sameModel(ModelKey other) {
        return sha256.equals(other.sha256) && format.equals(other.format);
    }

    /** E.g. {@code haski-reference 1.0.0 (onnx, 3f2a9c1d0b7e)}. */
    public String describe() {
        return modelId + " " + modelVersion + " (" + format + ", " + sha256.substring(0, Math.min(12, sha256.length()))
                + ")";
    }
}
