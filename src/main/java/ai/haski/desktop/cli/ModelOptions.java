package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.model.ModelFormat;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that choose a model, its runtime and how many photos run at once, shared by analyze and review. */
final class ModelOptions {
    @Mixin
    ModelChoiceOptions choice;

    @Option(names = "--threads", paramLabel = "N", description = "Photos analysed at once (default: the number of cores).")
    Integer threads;

    /** The format {@code --backend} forces, if any; a bad name is a usage error. */
    Optional<ModelFormat> forcedFormat() {
        return choice.forcedFormat();
    }

    /**
     * How many photos to analyse at once, the cores shared between them and the threads each inference may use; a
     * value out of range is a usage error.
     */
    ThreadBudget threadBudget() {
        int workers = threads == null ? ThreadBudget.cores() : threads;
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("--threads must be between 1 and 256, found " + workers);
        }
        return ThreadBudget.sharing(workers);
    }

    /** The model these options ask for, decoding images within the common options' limits. */
    ModelRequest request(CommonOptions common, ThreadBudget budget) {
        return choice.request(common, budget);
    }
}
