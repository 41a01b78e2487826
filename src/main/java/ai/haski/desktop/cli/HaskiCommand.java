package ai.haski.desktop.cli;

import ai.haski.desktop.platform.AppVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code analyze}, {@code review}, {@code export}, {@code models} and {@code self-check}. */
@Command(
        name = "haski-desktop",
        mixinStandardHelpOptions = true,
        versionProvider = HaskiCommand.Version.class,
        description = "Analyse skin and hair photos with a local model. With no command the desktop app opens.",
        subcommands = {AnalyzeCommand.class, ReviewCommand.class, ExportCommand.class, ModelsCommand.class,
            SelfCheckCommand.class, ServeCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file was analysed / every check passed",
            "1:a check failed, or the output could not be written",
            "2:usage error, or no usable model",
            "3:some files failed, the rest were analysed"})
public final class HaskiCommand implements Runnable {
    /** Exit status when every file was analysed. */
    public static final int OK = 0;
    /** Exit status when a check failed or the output could not be written. */
    public static final int FAILED = 1;
    /** Exit status for usage errors and when no model can be used. */
    public static final int USAGE = 2;
    /** Exit status when some files failed and the rest were analysed. */
    public static final int PARTIAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Runs the command line and returns the process exit status. */
    public static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs the command line with its reports going to the given writers (null: stdout and stderr). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new HaskiCommand());
        commandLine.setExitCodeExceptionMapper(error -> FAILED);
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        return commandLine.execute(args);
    }

    /** Reports the application version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Haski Desktop " + AppVersion.get()};
        }
    }
}
