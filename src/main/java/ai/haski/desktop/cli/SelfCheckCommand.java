package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelFacts;
import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelTask;
import ai.haski.desktop.model.RefusedPackage;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.platform.AppPaths;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Loads every model on every runtime it has weights for, runs its test vector, and prints a table. */
@Command(name = "self-check", mixinStandardHelpOptions = true,
        description = "Load every model in every format on its runtime, run its test vector, print a table; "
                + "exit non-zero on any failure.")
final class SelfCheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        common.configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        Engine engine = Engine.create(AppPaths.current(), common.modelDirs);
        boolean allPassed = true;

        out.println("Runtimes");
        for (ModelFormat format : ModelFormat.values()) {
            RuntimeStatus status = engine.runtime(format);
            String state = status.isAvailable() ? "PASS loaded"
                    : (status.shippedForPlatform() ? "FAIL " : "SKIP ") + status.unavailableReason().orElseThrow();
            out.printf(Locale.ROOT, "  %-7s %-16s %-10s %s%n", format.id(), status.runtime(), status.version(), state);
            allPassed &= status.isAvailable() || !status.shippedForPlatform();
        }
        out.println();
        out.printf(Locale.ROOT, "%-24s %-9s %-7s %-22s %-6s %10s %9s  %s%n", "MODEL", "VERSION", "FORMAT", "RUNTIME",
                "RESULT", "MAX-DEV", "LOAD-MS", "DETAIL");
        for (ModelPackage pkg : engine.registry().packages()) {
            for (ModelFormat format : pkg.manifest().backendPreference()) {
                allPassed &= checkOne(engine, pkg, format, out);
            }
        }
        for (ModelPackage pkg : engine.registry().faceDetectors()) {
            for (ModelFormat format : pkg.manifest().backendPreference()) {
                allPassed &= checkOne(engine, pkg, format, out);
            }
        }
        for (RefusedPackage refused : engine.registry().refused()) {
            out.printf(Locale.ROOT, "%-24s %-9s %-7s %-22s %-6s %10s %9s  %s%n", refused.folder().getFileName(), "-",
                    "-", "-", "FAIL", "-", "-", refused.reason());
            allPassed = false;
        }
        if (engine.registry().packages().isEmpty()) {
            out.println("No usable model package found.");
            allPassed = false;
        }
        if (engine.registry().faceDetectors().isEmpty()) {
            // Not a failure: analyses work without one, they only say nothing about faces.
            out.println("Face detector: none; " + Engine.howToAddFaceDetector(AppPaths.current()));
        }
        out.println();
        out.println(allPassed ? "self-check passed" : "self-check FAILED");
        return allPassed ? HaskiCommand.OK : HaskiCommand.FAILED;
    }

    /** Loads and proves one format of a package: a classifier through an analyzer, a face detector on its own. */
    private static ModelFacts prove(Engine engine, ModelPackage pkg, ModelFormat format)
            throws NoUsableModelException, ModelUnavailableException {
        if (pkg.manifest().task() == ModelTask.FACE_DETECTION) {
            return engine.proveFaceDetector(pkg, format);
        }
        ModelRequest request = ModelRequest.model(pkg.id()).forcing(format).withThreads(ThreadBudget.single());
        try (Analyzer analyzer = engine.open(request)) {
            return analyzer.model();
        }
    }

    private static boolean checkOne(Engine engine, ModelPackage pkg, ModelFormat format, PrintWriter out) {
        long start = System.nanoTime();
        RuntimeStatus runtime = engine.runtime(format);
        String runtimeText = runtime.describe();
        if (!runtime.isAvailable() && !runtime.shippedForPlatform()) {
            out.printf(Locale.ROOT, "%-24s %-9s %-7s %-22s %-6s %10s %9s  %s%n", pkg.id(), pkg.manifest().version(),
                    format.id(), runtimeText, "SKIP", "-", "-", runtime.unavailableReason().orElseThrow());
            return true;
        }
        try {
            ModelFacts model = prove(engine, pkg, format);
            double ms = (System.nanoTime() - start) / 1e6;
            out.printf(Locale.ROOT, "%-24s %-9s %-7s %-22s %-6s %10.2e %9.1f  tolerance %.1e, sha256 %s%n",
                    pkg.id(), pkg.manifest().version(), format.id(), runtimeText, "PASS", model.testVectorDeviation(),
                    ms, pkg.manifest().testVector().tolerance(), model.sha256().substring(0, 12));
            return true;
        } catch (NoUsableModelException | ModelUnavailableException e) {
            double ms = (System.nanoTime() - start) / 1e6;
            out.printf(Locale.ROOT, "%-24s %-9s %-7s %-22s %-6s %10s %9.1f  %s%n", pkg.id(),
                    pkg.manifest().version(), format.id(), runtimeText, "FAIL", "-", ms, e.getMessage());
            return false;
        }
    }
}
