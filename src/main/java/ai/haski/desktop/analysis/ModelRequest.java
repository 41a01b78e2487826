package ai.haski.desktop.analysis;

import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.model.ModelFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What to open: which model (by id, or the first usable one), in which format (exactly one, or the package's
 * preference with fallback to its other formats), the limits on the images it may decode, the thread budget, and
 * whether the trust stages run.
 *
 * @param modelId the package id; empty for the first usable package (bundled ones come first)
 * @param forcedFormat a format to use with no fallback; empty for the package's own preference, with fallback
 * @param modelOnly true to run the model's own path alone (decode, preprocessing, inference, heads), without the
 *     photo quality check and the face stage that every result otherwise carries: only for {@code bench
 *     --model-only}, which measures the work a pipeline without those stages (the Node peer) does
 */
public record ModelRequest(Optional<String> modelId, Optional<ModelFormat> forcedFormat, ImageLimits imageLimits,
        ThreadBudget threads, boolean modelOnly) {

    public ModelRequest {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(forcedFormat, "forcedFormat");
        Objects.requireNonNull(imageLimits, "imageLimits");
        Objects.requireNonNull(threads, "threads");
    }

    /** The first usable model in its preferred format, default image limits, one photo per core. */
    public static ModelRequest defaultModel() {
        return new ModelRequest(Optional.empty(), Optional.empty(), ImageLimits.DEFAULT, ThreadBudget.photoPerCore(),
                false);
    }

    /** The model with this id; otherwise as {@link #defaultModel()}. */
    public static ModelRequest model(String id) {
        return defaultModel().withModel(Optional.of(id));
    }

    public ModelRequest withModel(Optional<String> id) {
        return new ModelRequest(id, forcedFormat, imageLimits, threads, modelOnly);
    }

    /** Exactly this format, with no fallback when it fails; empty for the package's preference with fallback. */
    public ModelRequest forcing(Optional<ModelFormat> format) {
        return new ModelRequest(modelId, format, imageLimits, threads, modelOnly);
    }

    public ModelRequest forcing(ModelFormat format) {
        return forcing(Optional.of(format));
    }

    public ModelRequest withImageLimits(ImageLimits limits) {
        return new ModelRequest(modelId, forcedFormat, limits, threads, modelOnly);
    }

    public ModelRequest withThreads(ThreadBudget budget) {
        return new ModelRequest(modelId, forcedFormat, imageLimits, budget, modelOnly);
    }

    /** The model's own path alone, without the quality check and the face stage (see {@code modelOnly}). */
    public ModelRequest withModelOnly(boolean only) {
        return new ModelRequest(modelId, forcedFormat, imageLimits, threads, only);
    }
}
