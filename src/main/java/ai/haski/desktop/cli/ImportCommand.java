package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.catalog.FormatFacts;
import ai.haski.desktop.catalog.ImportResult;
import ai.haski.desktop.catalog.ImportProposal;
import ai.haski.desktop.catalog.ImportException;
import ai.haski.desktop.catalog.ImportProblem;
import ai.haski.desktop.catalog.ImportRequest;
import ai.haski.desktop.catalog.ImportWording;
import ai.haski.desktop.catalog.ModelImporter;
import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.platform.AppPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models import}: turns an exported ONNX and/or TFLite network into a model package. */
@Command(name = "import",
        description = {"Import an exported network (FILE.onnx, FILE.tflite, or both exports of one network) as a "
                + "model package in your models folder: reads its real input and outputs, proposes the manifest, "
                + "makes the test vector from a sample image, writes the package and proves it as self-check does.",
            "Exit status: 0 imported, 2 refused (the message says why and which option fixes it), 1 the package "
                + "could not be written."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", arity = "1..2", description = "FILE.onnx and/or FILE.tflite")
    List<Path> files = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "LABELS.json",
            description = "Heads and labels in output order: {\"head\": [labels...], ...} or {\"heads\": [{\"name\", "
                    + "\"labels\", \"activation\", \"none_label\", ...}]} (see models/README.md). Default for a "
                    + "14-value output: the Haski layout.")
    Path labels;

    @Option(names = "--id", paramLabel = "ID", description = "Package id (default: from the file name).")
    String id;

    @Option(names = "--name", paramLabel = "NAME", description = "Name shown to users (default: the file name).")
    String name;

    @Option(names = "--version", paramLabel = "VERSION", description = "Model version (default: 1.0.0).")
    String version;

    @Option(names = "--licence", paramLabel = "LICENCE", description = "The model's licence (default: unknown).")
    String licence;

    @Option(names = "--sample", paramLabel = "IMAGE",
            description = "Image to make the test vector from (default: the bundled reference test image).")
    Path sample;

    @Option(names = "--layout", paramLabel = "NCHW|NHWC",
            description = "Input layout, when the input shape does not tell.")
    String layout;

    @Option(names = "--size", paramLabel = "WxH", description = "Input size, for an input with a dynamic height/width.")
    String size;

    @Option(names = "--mean", paramLabel = "a,b,c", split = ",",
            description = "Per-channel mean after scaling to 0..1 (default: ImageNet 0.485,0.456,0.406).")
    float[] mean;

    @Option(names = "--std", paramLabel = "a,b,c", split = ",",
            description = "Per-channel std after scaling to 0..1 (default: ImageNet 0.229,0.224,0.225).")
    float[] std;

    @Option(names = "--agreement", paramLabel = "TOL", defaultValue = "1e-3",
            description = "Two formats: largest raw-output difference accepted on the sample (default: ${DEFAULT-VALUE}).")
    double agreement;

    // --version names the model's version here, so the standard help options are not mixed in; help is.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--force", description = "Replace an existing package with the same id.")
    boolean force;

    @Option(names = "--into", paramLabel = "DIR",
            description = "Write the package into DIR instead of your per-user models folder.")
    Path into;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        common.configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            err.println("models import: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        AppPaths paths = AppPaths.current();
        Path modelsDir = into != null ? into : paths.userModelsDir();
        List<Path> roots = new ArrayList<>(common.modelDirs);
        if (into != null) {
            roots.add(into);
        }
        Engine engine = Engine.create(paths, roots);
        ModelImporter importer = engine.catalog().importer(modelsDir);
        ImportProposal proposal = importer.propose(request);
        if (!proposal.isValid()) {
            err.println("models import: refused " + files + ":");
            proposal.problems().forEach(problem -> err.println(line(problem)));
            return HaskiCommand.USAGE;
        }
        try {
            print(importer.write(proposal), out);
            return HaskiCommand.OK;
        } catch (ImportException e) {
            if (e.problems().isEmpty()) {
                err.println("models import: " + e.getMessage());
                return HaskiCommand.FAILED;
            }
            err.println("models import: refused " + files + ":");
            e.problems().forEach(problem -> err.println(line(problem)));
            return HaskiCommand.USAGE;
        }
    }

    /** One refusal line: the field, then the problem in the command line's words. */
    private static String line(ImportProblem problem) {
        return "  field '" + problem.field() + "': " + ImportWording.COMMAND_LINE.describe(problem);
    }

    private ImportRequest request() {
        ImportRequest request = ImportRequest.of(files).labels(labels).id(id).name(name).version(version)
                .licence(licence).sample(sample).agreement(agreement).force(force);
        if (layout != null) {
            try {
                request.layout(TensorLayout.valueOf(layout.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--layout must be NCHW or NHWC, found \"" + layout + "\"");
            }
        }
        if (size != null) {
            String[] parts = size.trim().toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                request.size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--size must be WxH, e.g. 224x224, found \"" + size + "\"");
            }
        }
        if ((mean == null) != (std == null)) {
            throw new IllegalArgumentException("give both --mean and --std, or neither (ImageNet's is the default)");
        }
        if (mean != null) {
            if (mean.length != 3 || std.length != 3) {
                throw new IllegalArgumentException("--mean and --std need three values each, e.g. 0.5,0.5,0.5");
            }
            request.normalisation(mean, std);
        }
        return request;
    }

    private static void print(ImportResult result, PrintWriter out) {
        ModelManifest m = result.modelPackage().manifest();
        out.printf("Imported %s %s \"%s\"%n", m.id(), m.version(), m.name());
        for (FormatFacts f : result.formats()) {
            out.printf("  %-6s %s (from %s)  sha256 %s  %s%n", f.format().id(), f.fileName(), f.source(),
                    f.sha256().substring(0, 12), f.runtime());
            for (TensorInfo in : f.inputs()) {
                out.printf("    input  %s  layout %s%n", in, f.layout());
            }
            for (TensorInfo o : f.outputs()) {
                out.printf("    output %s%n", o);
            }
        }
        out.printf("  input: %dx%d %s, resize %s, mean %s, std %s%n", m.input().width(), m.input().height(),
                m.input().colourOrder(), m.input().resize().name().toLowerCase(Locale.ROOT),
                java.util.Arrays.toString(m.input().mean()), java.util.Arrays.toString(m.input().std()));
        for (HeadSpec head : m.heads()) {
            out.printf("  head %s: %s[%d..%d) %s %s %s%s%n", head.name(), head.output(), head.offset(),
                    head.offset() + head.length(), head.activation().name().toLowerCase(Locale.ROOT),
                    head.mode().name().toLowerCase(Locale.ROOT), head.labels(),
                    head.noneLabel().map(n -> " none_label " + n).orElse(""));
        }
        StringBuilder says = new StringBuilder();
        for (HeadResult head : result.sampleHeads()) {
            says.append(String.format(Locale.ROOT, " %s=%s (%.3f)", head.head(), head.topLabel(),
                    head.topProbability()));
        }
        out.printf("  sample %s:%s%n", result.sample(), says);
        result.agreement().ifPresent(a -> out.printf(Locale.ROOT,
                "  formats agree on the sample: max raw-output difference %.3g, max probability difference %.3g "
                        + "(agreement tolerance %.1e)%n", a.maxRawDifference(), a.maxProbabilityDifference(),
                a.tolerance()));
        for (ModelFormat format : m.backendPreference()) {
            out.printf(Locale.ROOT, "  test vector %-6s PASS  max deviation %.2e (tolerance %.1e)%n", format.id(),
                    result.testVectorDeviations().get(format), result.tolerance());
        }
        out.printf("  written to %s%n", result.folder());
        out.printf("  use it: haski-desktop analyze --model %s PHOTO  (or pick it in the app's Model menu)%n", m.id());
    }
}
