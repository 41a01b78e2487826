package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.model.ModelFormat;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that choose a model and its runtime, for every command that runs one model on photos. */
final class ModelChoiceOptions {
    @Option(names = "--model", paramLabel = "ID", description = "Model package id (default: the first usable one).")
    String modelId;

    @Option(names = "--backend", paramLabel = "onnx|tflite",
            description = "Use exactly this format and runtime, with no fallback (default: the model's preference, "
                    + "falling back to its other format).")
    String backend;

    /** The format {@code --backend} forces, if any; a bad name is a usage error. */
    Optional<ModelFormat> forcedFormat() {
        return CliArguments.backend(backend);
    }

    /** The model these options ask for, decoding images within the common options' limits. */
    ModelRequest request(CommonOptions common, ThreadBudget budget) {
        return ModelRequest.defaultModel().withModel(Optional.ofNullable(modelId)).forcing(forcedFormat())
                .withImageLimits(common.imageLimits()).withThreads(budget);
    }
}
