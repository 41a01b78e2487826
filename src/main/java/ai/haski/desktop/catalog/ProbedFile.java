package ai.haski.desktop.catalog;

import ai.haski.desktop.inference.LoadedModel;
import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Path;

/** One weights file loaded by its runtime for inspection; the model is closed by the proposal that loaded it. */
record ProbedFile(ModelFormat format, Path file, byte[] bytes, String sha256, LoadedModel model, String runtime) {

    /** The file's name inside the package. */
    String packageFileName() {
        return "model." + format.id();
    }
}
