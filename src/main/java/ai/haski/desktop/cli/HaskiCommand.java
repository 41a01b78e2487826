package ai.haski.desktop.cli;

import ai.haski.desktop.platform.AppVersion;
import ai.haski.desktop.platform.FileNameEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code analyze}, {@code explain}, {@code review}, {@code export}, {@code models},
 * {@code self-check} and the rest; photos or folders named without a command open the desktop app with them.
 */
@Command(
        name = "haski-desktop",
        mixinStandardHelpOptions = true,
        versionProvider = HaskiCommand.Version.class,
        description = {"Analyse skin and hair photos with a local model. With no command the desktop app opens.",
            "Given photos (or a folder) and no command, the app opens with them: one photo is shown, several are "
                    + "stepped through, a folder opens as a review session. A file named like a command opens with "
                    + "--open NAME or ./NAME."},
        subcommands = {AnalyzeCommand.class, ReviewCommand.class, ExportCommand.class, EvaluateCommand.class,
            ImportVerdictsCommand.class,
            ModelsCommand.class, ExplainCommand.class,
            SelfCheckCommand.class, ServeCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file was analysed / every check passed",
            "1:a check failed, the photo could not be explained, or the output could not be written",
            "2:usage error, or no usable model",
            "3:some files failed, the rest were analysed"})
public final class HaskiCommand implements Callable<Integer> {
    /** Exit status when every file was analysed. */
    public static final int OK = 0;
    /** Exit status when a check failed or the output could not be written. */
    public static final int FAILED = 1;
    /** Exit status for usage errors and when no model can be used. */
    public static final int USAGE = 2;
    /** Exit status when some files failed and the rest were analysed. */
    public static final int PARTIAL = 3;

    /** Opens the desktop app with the photos and folders named on the command line; returns the exit status. */
    @FunctionalInterface
    public interface Desktop {
        int open(List<Path> paths);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Strings, not Paths: a word that is no file must be reported as picocli reports an unknown command.
    @Parameters(paramLabel = "PHOTO|FOLDER", arity = "0..*",
            description = "Photos or a folder to open in the desktop app (when no command is given).")
    List<String> paths = new ArrayList<>();

    private final Desktop desktop;

    private HaskiCommand(Desktop desktop) {
        this.desktop = desktop;
    }

    @Override
    public Integer call() {
        if (paths.isEmpty()) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return OK;
        }
        List<Path> existing = new ArrayList<>();
        for (int index = 0; index < paths.size(); index++) {
            Path path = Path.of(paths.get(index));
            if (!Files.exists(path)) {
                throw notACommandOrPath(index, paths.get(index));
            }
            existing.add(path.toAbsolutePath());
        }
        return desktop.open(existing);
    }

    /**
     * The usage error for a word that is neither a command nor an existing path. A bare word was most likely a
     * mistyped command, so picocli's "Did you mean" follows; a word with a folder or an extension in it was a path.
     */
    private CommandLine.ParameterException notACommandOrPath(int index, String word) {
        String name = Path.of(word).getFileName() == null ? word : Path.of(word).getFileName().toString();
        if (word.contains("/") || word.contains(java.io.File.separator) || name.contains(".")) {
            return new CommandLine.ParameterException(spec.commandLine(), "Unmatched argument at index " + index
                    + ": '" + word + "' (no such photo or folder)");
        }
        return new NotACommandOrPath(spec.commandLine(), index, word);
    }

    /** Runs the command line and returns the process exit status; photos and folders open in {@code desktop}. */
    public static int run(Desktop desktop, String... args) {
        return run(desktop, null, null, args);
    }

    /** Runs the command line with its reports going to the given writers (null: stdout and stderr). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return run(paths -> {
            throw new IllegalStateException("no desktop app to open " + paths + " in");
        }, out, err, args);
    }

    /** As {@link #run(Desktop, String...)}, with its reports going to the given writers (null: stdout, stderr). */
    public static int run(Desktop desktop, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new HaskiCommand(desktop));
        // A mistake on the command line is a usage error (2), as --help says; anything else that escapes a command, 1.
        commandLine.setExitCodeExceptionMapper(error -> error instanceof CommandLine.ParameterException ? USAGE
                : FAILED);
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        FileNameEncoding.warning().ifPresent(warning -> {
            commandLine.getErr().println("warning: " + warning);
            commandLine.getErr().flush();
        });
        return commandLine.execute(args);
    }

    /**
     * A bare word that is neither a command nor a file or folder: reported as picocli reports an unknown command, so
     * that its "Did you mean" suggestions (from the unmatched word) still come, with the index the user typed it at.
     */
    private static final class NotACommandOrPath extends CommandLine.UnmatchedArgumentException {
        private final String message;

        NotACommandOrPath(CommandLine commandLine, int index, String word) {
            super(commandLine, List.of(word));
            message = "Unmatched argument at index " + index + ": '" + word
                    + "' (neither a command nor a photo or folder that exists)";
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /** Reports the application version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Haski Desktop " + AppVersion.get()};
        }
    }
}
