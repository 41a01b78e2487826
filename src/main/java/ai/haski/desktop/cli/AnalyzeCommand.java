package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.RegionRequest;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.image.ImageFileScanner;
import ai.haski.desktop.platform.AppPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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

    @Mixin
    ModelOptions model;

    @Option(names = "--format", paramLabel = "jsonl|csv", defaultValue = "jsonl",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
    Path out;

    @Option(names = "--region", paramLabel = "X,Y,W,H|face", converter = RegionConverter.class,
            description = "Analyse only this box of each photo: left, top, width, height in pixels of the upright "
                    + "photo as shown (after its EXIF orientation); or \"face\": the largest face the face "
                    + "detector finds, with the model's margin around it. Default: the whole photo.")
    RegionRequest region = RegionRequest.WHOLE;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Image files and folders.")
    List<Path> paths;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        common.configureLogging();
        PrintWriter err = spec.commandLine().getErr();
        ThreadBudget budget;
        try {
            model.forcedFormat();
            CliArguments.requireOneOf("--format", format, "jsonl", "csv");
            budget = model.threadBudget();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        Engine engine = Engine.create(AppPaths.current(), common.modelDirs);
        try (Analyzer analyzer = engine.open(model.request(common, budget))) {
            return analyzeAll(analyzer, budget, err);
        } catch (NoUsableModelException | ModelUnavailableException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
    }

    private int analyzeAll(Analyzer analyzer, ThreadBudget budget, PrintWriter err) {
        ImageFileScanner.Scan scan = ImageFileScanner.scan(paths);
        scan.problems().forEach(problem -> err.println("warning: " + problem));
        List<Path> files = scan.images();
        if (files.isEmpty()) {
            err.println("error: no image files found in " + paths + " (" + scan.skipped().size()
                    + " other files skipped)");
            return HaskiCommand.USAGE;
        }
        Progress progress = Progress.forStderr(err, files.size());
        try (ResultWriter writer = ResultWriter.open(format, out, analyzer.model().manifest().heads());
                AnalysisPool pool = AnalysisPool.of(budget)) {
            pool.analyzeInOrder(analyzer, files, region, outcome -> {
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
