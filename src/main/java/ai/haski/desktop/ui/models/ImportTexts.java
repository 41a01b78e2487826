package ai.haski.desktop.ui.models;

import ai.haski.desktop.catalog.ImportProblem;
import ai.haski.desktop.catalog.ModelImporter;
import ai.haski.desktop.inference.TensorInfo;
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
     * The importer speaks the command line's options; here they are the dialog's fields. Typed heads reach the
     * importer as a scratch file, which the user knows as what they typed.
     */
    static ImportProblem readable(ImportProblem problem, Optional<Path> typed) {
        String message = problem.message();
        if (typed.isPresent()) {
            message = message.replace(typed.get().toString(), "the heads typed here");
        }
        for (String[] option : OPTION_WORDS) {
            message = message.replace(option[0], option[1]);
        }
        return new ImportProblem(problem.field(), Character.toUpperCase(message.charAt(0)) + message.substring(1));
    }

    /** Command-line wording in the importer's messages, and what the dialog calls the same thing. */
    private static final String[][] OPTION_WORDS = {
        {"give --labels FILE", "load a labels file or type the heads"},
        {"settle it with --size WxH (e.g. --size ", "give the input size (e.g. "},
        {"give one with --sample IMAGE", "choose one (Sample image)"},
        {"--sample IMAGE", "a sample image"},
        {"--size WxH", "the input size"},
        {"--size", "the input size"},
        {"--layout", "the layout"},
        {"--mean", "the mean"},
        {"--std", "the std"},
        {"force (--force) to replace it", "remove it first (Model > Remove…)"},
        {"--agreement", "a larger agreement tolerance (command line: --agreement)"},
    };

    static String tensors(List<ModelImporter.FormatFacts> facts) {
        StringBuilder text = new StringBuilder();
        for (ModelImporter.FormatFacts f : facts) {
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

    static String describe(ModelImporter.Result result) {
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
