package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.ParallelAnalysis;
import ai.haski.desktop.image.ImageFileScanner;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.ModelLoadException;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.platform.AppPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Analyses files and folders and writes one result line per photo. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse photos (files or folders, recursively) and print one JSON line (or CSV row) each.")
final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", paramLabel = "ID", description = "Model package id (default: the first usable one).")
    String modelId;

    @Option(names = "--backend", paramLabel = "onnx|tflite",
            description = "Use exactly this format and runtime, with no fallback (default: the model's preference, "
                    + "falling back to its other format).")
    String backend;

    @Option(names = "--format", paramLabel = "jsonl|csv", defaultValue = "jsonl",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Photos analysed at once (default: the number of cores).")
    Integer threads;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Image files and folders.")
    List<Path> paths;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        common.configureLogging();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ModelFormat> forced;
        try {
            forced = CliArguments.backend(backend);
            CliArguments.requireOneOf("--format", format, "jsonl", "csv");
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 256) {
            err.println("error: --threads must be between 1 and 256, found " + workers);
            return HaskiCommand.USAGE;
        }
        Engine engine = Engine.create(AppPaths.current(), common.modelDirs);
        ModelPackage pkg;
        try {
            pkg = engine.choose(Optional.ofNullable(modelId));
        } catch (NoUsableModelException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        int threadsPerRun = Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
        try (ActiveModel model = engine.loader().load(pkg, ModelLoader.only(forced), threadsPerRun)) {
            Analyzer analyzer = new Analyzer(model, new ImageLoader(common.imageLimits()));
            return analyzeAll(analyzer, workers, err);
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
    }

    private int analyzeAll(Analyzer analyzer, int workers, PrintWriter err) {
        ImageFileScanner.Scan scan = ImageFileScanner.scan(paths);
        scan.problems().forEach(problem -> err.println("warning: " + problem));
        List<Path> files = scan.images();
        if (files.isEmpty()) {
            err.println("error: no image files found in " + paths + " (" + scan.skipped().size()
                    + " other files skipped)");
            return HaskiCommand.USAGE;
        }
        Progress progress = Progress.forStderr(err, files.size());
        try (ResultWriter writer = ResultWriter.open(format, out, analyzer.model().manifest().heads())) {
            ParallelAnalysis.run(analyzer, files, workers, outcome -> {
                writer.write(outcome);
                progress.advance(outcome instanceof Analysis);
            });
        } catch (IOException e) {
            err.println("error: cannot write results to " + (out == null ? "stdout" : out) + ": " + e.getMessage());
            return HaskiCommand.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return HaskiCommand.FAILED;
        }
        progress.finish(scan.skipped().size(), analyzer.model().describe());
        return progress.failed() == 0 ? HaskiCommand.OK : HaskiCommand.PARTIAL;
    }
}
