package ai.haski.desktop.cli;

import ai.haski.desktop.image.ImageLimits;
import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options every engine command shares: extra model folders, image limits and how much to log. */
final class CommonOptions {
    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Also read model packages from DIR (repeatable). Bundled and per-user models are always read.")
    List<Path> modelDirs = new ArrayList<>();

    @Option(names = "--max-megapixels", paramLabel = "MP", defaultValue = "100",
            description = "Refuse images with more pixels than this, before decoding them (default: ${DEFAULT-VALUE}).")
    double maxMegapixels;

    @Option(names = {"-v", "--verbose"}, description = "Log each analysis (model, runtime, stage timings) to stderr.")
    boolean verbose;

    /** The image limits these options ask for. */
    ImageLimits imageLimits() {
        return ImageLimits.ofMegapixels(maxMegapixels);
    }

    /** Applies the log level: warnings only, unless --verbose. */
    void configureLogging() {
        configureLogging(verbose);
    }

    /** Applies the log level: INFO and above when {@code informative}, else warnings only. */
    void configureLogging(boolean informative) {
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(informative ? Level.INFO : Level.WARN);
    }
}
