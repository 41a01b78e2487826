package ai.haski.desktop.ui.models;

import ai.haski.desktop.catalog.FormatFacts;
import ai.haski.desktop.catalog.ImportResult;
import ai.haski.desktop.catalog.ImportProblem;
import ai.haski.desktop.catalog.ImportWording;
import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The importer's findings in the Add model dialog's words: tensors, problems, and the import's proof. */
final class ImportTexts {
    private ImportTexts() {}

    /**
     * The dialog's words for the importer's problems: its fields instead of the command line's options, typed heads
     * as what the user typed (they reach the importer as a scratch labels file), and sentences that start with a
     * capital.
     */
    static ImportWording wording(Optional<Path> typedLabels) {
        return new DialogWording(typedLabels, true);
    }

    /** The dialog's words for a notice, where the problem follows other text and keeps its lower-case start. */
    static String notice(ImportProblem problem) {
        return new DialogWording(Optional.empty(), false).describe(problem);
    }

    /** The Add model dialog's and the model manager's terms for what the command line calls options. */
    private static final class DialogWording extends ImportWording {
        private final Optional<Path> typedLabels;
        private final boolean capitalise;

        DialogWording(Optional<Path> typedLabels, boolean capitalise) {
            this.typedLabels = typedLabels;
            this.capitalise = capitalise;
        }

        @Override
        protected String sentence(String text) {
            return capitalise && !text.isEmpty() ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text;
        }

        @Override
        protected String labelsFile(Path file) {
            return typedLabels.filter(file::equals).map(typed -> "the heads typed here")
                    .orElseGet(() -> super.labelsFile(file));
        }

        @Override
        protected String giveLabels() {
            return "load a labels file or type the heads";
        }

        @Override
        protected String giveSize(String example) {
            return "give the input size (e.g. " + example;
        }

        @Override
        protected String giveSample() {
            return "choose one (Sample image)";
        }

        @Override
        protected String replaceExisting() {
            return "remove it first (Model > Remove…)";
        }

        @Override
        protected String size() {
            return "the input size";
        }

        @Override
        protected String layout() {
            return "the layout";
        }

        @Override
        protected String mean() {
            return "the mean";
        }

        @Override
        protected String std() {
            return "the std";
        }

        @Override
        protected String agreement() {
            return "a larger agreement tolerance (command line: --agreement)";
        }
    }

    static String tensors(List<FormatFacts> facts) {
        StringBuilder text = new StringBuilder();
        for (FormatFacts f : facts) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(f.format() == ModelFormat.ONNX ? "ONNX" : "TFLite").append(": ")
                    .append(f.source().getFileName()).append(" on ").append(f.runtime()).append('\n');
            for (TensorInfo in : f.inputs()) {
                text.append("  input   ").append(in).append('\n');
            }
            for (TensorInfo out : f.outputs()) {
                text.append("  output  ").append(out).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    static String describe(ImportResult result) {
        String deviations = result.testVectorDeviations().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1e", e.getKey().id(), e.getValue()))
                .collect(Collectors.joining(", "));
        String sample = result.sampleHeads().stream()
                .map(h -> String.format(Locale.ROOT, "%s %s (%.2f)", h.head(), h.topLabel(), h.topProbability()))
                .collect(Collectors.joining(", "));
        return "Self-check passed: SHA-256, shapes and test vector (largest difference " + deviations
                + "; tolerance " + String.format(Locale.ROOT, "%.1e", result.tolerance()) + ").\n"
                + "On the sample image: " + sample + ".\n"
                + "Written to " + result.folder() + ".";
    }

    static String floats(float[] values) {
        StringBuilder text = new StringBuilder();
        for (float v : values) {
            text.append(text.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return text.toString();
    }
}
