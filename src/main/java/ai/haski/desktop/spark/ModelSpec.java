package ai.haski.desktop.spark;

import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.model.ModelFormat;
import java.io.Serializable;

/**
 * Which model an executor opens, as the driver decided it: travels with every task, and is the key under which an
 * executor JVM keeps its one open analyzer.
 *
 * @param modelId the package id the driver chose (never empty: executors must open the same package)
 * @param format the format the driver's analyzer ran, forced on executors so they cannot fall back differently
 * @param sha256 the weights' SHA-256 the driver's analyzer reported; an executor whose model differs refuses
 * @param maxMegapixels the image limit, as {@code --max-megapixels}
 */
public record ModelSpec(String modelId, String format, String sha256, double maxMegapixels)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The request an executor opens with, sharing {@code cores} between the photos its tasks analyse at once. */
    ModelRequest request(int cores) {
        return ModelRequest.model(modelId).forcing(ModelFormat.fromId(format))
                .withImageLimits(ImageLimits.ofMegapixels(maxMegapixels)).withThreads(ThreadBudget.sharing(cores));
    }
}
