package ai.haski.desktop.cli;

import ai.haski.desktop.platform.AtomicFiles;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.SessionExport;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.session.evaluation.GroundTruth;
import ai.haski.desktop.session.evaluation.LabelsFileWriter;
import ai.haski.desktop.session.evaluation.SessionEvaluator;
import ai.haski.desktop.session.evaluation.VerdictRule;
import ai.haski.desktop.session.evaluation.VerdictTruth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a review session's photos, results, provenance and verdicts to a CSV or JSON file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export every photo of a review session with each model's result, its provenance and the "
                + "reviewers' verdicts, flags and notes, as CSV or JSON; or (--format labels) the verdicts as a labels file "
                + "for `evaluate --labels`. The file is replaced only once complete.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--session", paramLabel = "FILE", description = "The session file to export.")
    Path sessionFile;

    @Option(names = "--format", paramLabel = "csv|json|labels",
            description = "File format (default: from the --out file's extension). labels: one row per reviewed "
                    + "photo, a 'file' column and a column per head holding the verdict's label.")
    String format;

    @Option(names = "--reviewer", paramLabel = "NAME",
            description = "With --format labels: this reviewer's verdicts (default: the latest, whoever gave it).")
    String reviewer;

    @Option(names = "--rule", paramLabel = "latest|majority",
            description = "With --format labels and several reviewers: the latest verdict (default) or the label "
                    + "most of them gave (ties left out).")
    String rule;

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
        boolean labels = "labels".equalsIgnoreCase(format);
        SessionExport.Format chosen = null;
        VerdictRule verdictRule = null;
        Path file;
        try {
            if (labels) {
                verdictRule = TruthOptions.verdictRule(reviewer, rule);
            } else if (reviewer != null || rule != null) {
                throw new IllegalArgumentException("--reviewer and --rule are for --format labels");
            } else {
                chosen = chooseFormat();
            }
            file = SessionArgument.existing(folder, sessionFile);
        } catch (IllegalArgumentException | SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        if (labels) {
            return exportLabels(file, verdictRule, err);
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

    private int exportLabels(Path file, VerdictRule verdictRule, PrintWriter err) {
        if (out.getFileName() != null && out.getFileName().toString().contains(SessionFiles.EXTENSION)) {
            err.println("error: will not write labels over a session file; name it like labels.csv");
            return HaskiCommand.USAGE;
        }
        try (Session session = Session.openToRead(file)) {
            GroundTruth truth = VerdictTruth.of(session, verdictRule);
            truth.problems().forEach(problem -> err.println("warning: " + problem));
            List<String> heads = new SessionEvaluator(session).heads(session.results().models()).keySet().stream()
                    .toList();
            AtomicFiles.write(out, LabelsFileWriter.bytes(truth, heads));
            err.printf(Locale.ROOT, "Exported the verdicts on %d photos from %s to %s%n", truth.labels().size(),
                    session.file(), out.toAbsolutePath());
            return HaskiCommand.OK;
        } catch (SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.FAILED;
        } catch (IOException e) {
            err.println("error: cannot write " + out + " (" + e.getMessage() + "); any earlier file there is "
                    + "unchanged");
            return HaskiCommand.FAILED;
        }
    }

    private SessionExport.Format chooseFormat() {
        if (format != null) {
            return SessionExport.Format.fromId(format).orElseThrow(() -> new IllegalArgumentException(
                    "--format must be csv, json or labels, found \"" + format + "\""));
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return SessionExport.Format.fromId(dot < 0 ? "" : name.substring(dot + 1)).orElseThrow(() ->
                new IllegalArgumentException("say --format csv or --format json (the name " + out
                        + " does not tell)"));
    }
}
