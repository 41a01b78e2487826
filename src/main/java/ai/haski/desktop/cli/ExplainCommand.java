package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ExplainJson;
import ai.haski.desktop.analysis.ExplainOutcome;
import ai.haski.desktop.analysis.ExplainPng;
import ai.haski.desktop.analysis.ExplainProgress;
import ai.haski.desktop.analysis.ExplainRequest;
import ai.haski.desktop.analysis.RegionRequest;
import ai.haski.desktop.analysis.Explanation;
import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.OcclusionMap;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes an occlusion-sensitivity map of one photo: where the model's label came from. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Show where in a photo a model's label came from: cover one cell of a grid at a time with the "
                + "model's mean colour, run the model again and record how far the label's probability drops.",
            "An estimate of this model's behaviour, not a medical finding."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    ModelChoiceOptions model;

    @Option(names = "--head", paramLabel = "HEAD", description = "The head to explain (default: the model's first).")
    String head;

    @Option(names = "--label", paramLabel = "LABEL",
            description = "The label to explain (default: the head's top label for this photo).")
    String label;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "" + ExplainRequest.DEFAULT_GRID,
            description = "N x N cells over the analysed area, 1 to " + ExplainRequest.MAX_GRID
                    + " (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--threads", paramLabel = "N", description = "Threads one run of the model may use "
            + "(default: the number of cores).")
    Integer threads;

    @Option(names = "--format", paramLabel = "json|png", defaultValue = "json",
            description = "json: the map as numbers; png: the upright photo (at most " + ExplainPng.MAX_SIDE
                    + " px) with the map over it and a legend (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--region", paramLabel = "X,Y,W,H|face", converter = RegionConverter.class,
            description = "Explain the result of this part of the photo, as analyze --region gives it: a box in "
                    + "pixels of the upright photo, or \"face\" (the largest face). Default: the whole photo.")
    RegionRequest region = RegionRequest.WHOLE;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Write the map to FILE.")
    Path out;

    @Parameters(paramLabel = "PHOTO", arity = "1", description = "The photo to explain.")
    Path photo;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        common.configureLogging();
        PrintWriter err = spec.commandLine().getErr();
        ExplainRequest request;
        ModelRequest modelRequest;
        try {
            CliArguments.requireOneOf("--format", format, "json", "png");
            request = ExplainRequest.defaults().withHead(Optional.ofNullable(head))
                    .withLabel(Optional.ofNullable(label)).withGrid(grid).withRegion(region);
            modelRequest = model.request(common, budget());
            if (!Files.isRegularFile(photo)) {
                throw new IllegalArgumentException("no such photo: " + photo);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        Engine engine = Engine.create(AppPaths.current(), common.modelDirs);
        try (Analyzer analyzer = engine.open(modelRequest)) {
            return explain(analyzer, request, err);
        } catch (NoUsableModelException | ModelUnavailableException | IllegalArgumentException e) {
            // IllegalArgumentException here: a head or label the chosen model does not have.
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
    }

    private ThreadBudget budget() {
        int perRun = threads == null ? ThreadBudget.cores() : threads;
        if (perRun < 1 || perRun > 256) {
            throw new IllegalArgumentException("--threads must be between 1 and 256, found " + perRun);
        }
        // One photo, its runs one after another: every thread goes to the run in progress.
        return new ThreadBudget(1, perRun);
    }

    private int explain(Analyzer analyzer, ExplainRequest request, PrintWriter err) {
        ExplainOutcome outcome = analyzer.explain(photo, request, ExplainProgress.NONE, () -> false);
        if (outcome instanceof AnalysisFailure failure) {
            err.println("error: " + failure.code() + ": " + failure.message());
            return HaskiCommand.FAILED;
        }
        Explanation explanation = (Explanation) outcome;
        try {
            AtomicFiles.write(out, format.equals("png")
                    ? ExplainPng.toPng(explanation, new ImageLoader(common.imageLimits()))
                    : ExplainJson.toPrettyJson(explanation).getBytes(StandardCharsets.UTF_8));
        } catch (ImageDecodeException e) {
            // The photo was just read for the map; it changed or vanished since.
            err.println("error: " + e.getMessage());
            return HaskiCommand.FAILED;
        } catch (IOException e) {
            err.println("error: cannot write " + out + ": " + e.getMessage());
            return HaskiCommand.FAILED;
        }
        OcclusionMap map = explanation.map();
        err.printf(Locale.ROOT, "explained %s: %s = %s (%.3f), %d x %d cells in %.0f ms with %s; wrote %s%n",
                photo.getFileName(), map.head(), map.label(), map.probability(), map.rows(), map.cols(),
                explanation.timings().totalMs(), analyzer.model().describe(), out);
        return HaskiCommand.OK;
    }
}
