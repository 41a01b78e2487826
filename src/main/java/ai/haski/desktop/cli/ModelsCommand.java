package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.RefusedPackage;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.platform.AppPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists every model package with its formats and status, and why a refused one was refused. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the model packages, their formats and status, and why any was refused "
                + "(the same as `models list`); `models import` adds a model.",
        subcommands = {ModelsCommand.ListCommand.class, ImportCommand.class})
final class ModelsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return list(common, spec.commandLine().getOut());
    }

    /** {@code models list}: what {@code models} alone does. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the model packages, their formats and status, and why any was refused.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return list(common, spec.commandLine().getOut());
        }
    }

    static int list(CommonOptions common, PrintWriter out) {
        common.configureLogging();
        AppPaths paths = AppPaths.current();
        Engine engine = Engine.create(paths, common.modelDirs);
        out.println("Bundled models: " + paths.bundledModelsDir().map(Path::toString).orElse("(none found)"));
        out.println("User models:    " + paths.userModelsDir());
        out.println();
        for (ModelPackage pkg : engine.registry().packages()) {
            ModelManifest m = pkg.manifest();
            out.printf("%s %s  \"%s\"  [%s]%n", m.id(), m.version(), m.name(), pkg.source().name().toLowerCase());
            out.printf("  clinical use: %s%s%n", m.clinicalUse() ? "yes" : "NO",
                    m.clinicalUse() ? "" : " (" + m.intendedUse() + ")");
            out.printf("  input: %dx%d %s, heads: %s%n", m.input().width(), m.input().height(),
                    m.input().colourOrder(), m.heads().stream().map(h -> h.name() + "(" + h.length() + ")").toList());
            for (ModelFormat format : m.backendPreference()) {
                RuntimeStatus runtime = engine.runtime(format);
                String state = runtime.isAvailable() ? "ready (" + runtime.describe() + ")"
                        : "runtime unavailable: " + runtime.unavailableReason().orElseThrow();
                out.printf("  %-6s %s  sha256 %s  %s%n", format.id(), m.weights().get(format).file(),
                        m.weights().get(format).sha256().substring(0, 12), state);
            }
            out.printf("  folder: %s%n%n", pkg.folder());
        }
        FaceDetectorListing.print(engine, paths, out);
        for (RefusedPackage refused : engine.registry().refused()) {
            out.printf("REFUSED %s%n  %s%n%n", refused.folder(), refused.reason());
        }
        if (engine.registry().packages().isEmpty()) {
            out.println("No usable model package. Put packages in " + paths.userModelsDir() + " (see models/README.md).");
            return HaskiCommand.USAGE;
        }
        out.println("Formats marked ready have a working runtime; `self-check` also proves each against its test vector.");
        return HaskiCommand.OK;
    }
}
