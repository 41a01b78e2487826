package ai.haski.desktop.cli;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.SessionExport;
import ai.haski.desktop.session.SessionFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a review session's photos, results, provenance and verdicts to a CSV or JSON file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export every photo of a review session with each model's result, its provenance and the "
                + "reviewers' verdicts, flags and notes, as CSV or JSON. The file is replaced only once complete.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--session", paramLabel = "FILE", description = "The session file to export.")
    Path sessionFile;

    @Option(names = "--format", paramLabel = "csv|json",
            description = "File format (default: from the --out file's extension).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the export.")
    Path out;

    @Parameters(paramLabel = "FOLDER", arity = "0..1",
            description = "Instead of --session: the photo folder whose default session to export.")
    Path folder;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SessionExport.Format chosen;
        Path file;
        try {
            chosen = chooseFormat();
            file = sessionToExport();
        } catch (IllegalArgumentException | SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        try (Session session = Session.openToRead(file)) {
            SessionExport.Summary summary = SessionExport.write(session, chosen, out);
            err.printf(Locale.ROOT, "Exported %d photos (%d results) from %s to %s%n", summary.photos(),
                    summary.results(), session.file(), summary.file().toAbsolutePath());
            return HaskiCommand.OK;
        } catch (SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.FAILED;
        }
    }

    private SessionExport.Format chooseFormat() {
        if (format != null) {
            return SessionExport.Format.fromId(format).orElseThrow(() -> new IllegalArgumentException(
                    "--format must be csv or json, found \"" + format + "\""));
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return SessionExport.Format.fromId(dot < 0 ? "" : name.substring(dot + 1)).orElseThrow(() ->
                new IllegalArgumentException("say --format csv or --format json (the name " + out
                        + " does not tell)"));
    }

    private Path sessionToExport() throws SessionException {
        if ((folder == null) == (sessionFile == null)) {
            throw new IllegalArgumentException("give either the photo FOLDER or --session FILE (one of them)");
        }
        if (sessionFile != null) {
            Path file = SessionFiles.requireSessionName(sessionFile);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("there is no session file " + sessionFile);
            }
            return file;
        }
        Path file = SessionFiles.defaultFor(AppPaths.current(), folder);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the folder " + folder + " has no review session yet (looked for "
                    + file + "); run `review " + folder + "` first");
        }
        return file;
    }
}
