package ai.haski.desktop.analysis;

/** Which model, weights, format and runtime produced a result: what lets a clinician trust it, or not. */
public record Provenance(
        String modelId,
        String modelName,
        String modelVersion,
        String modelSha256,
        String format,
        String runtime,
        String runtimeVersion,
        boolean clinicalUse) {}
