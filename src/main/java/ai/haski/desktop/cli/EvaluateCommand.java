package ai.haski.desktop.cli;

import ai.haski.desktop.platform.AtomicFiles;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.session.evaluation.EvaluationCsv;
import ai.haski.desktop.session.evaluation.EvaluationHtml;
import ai.haski.desktop.session.evaluation.EvaluationJson;
import ai.haski.desktop.session.evaluation.EvaluationPdf;
import ai.haski.desktop.session.evaluation.EvaluationReport;
import ai.haski.desktop.session.evaluation.GroundTruth;
import ai.haski.desktop.session.evaluation.HeadEvaluation;
import ai.haski.desktop.session.evaluation.LabelsFileTruth;
import ai.haski.desktop.session.evaluation.ModelEvaluation;
import ai.haski.desktop.session.evaluation.SessionEvaluator;
import ai.haski.desktop.session.evaluation.SubfolderSplit;
import ai.haski.desktop.session.evaluation.VerdictTruth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Measures how well a session's models did against a truth: the reviewers' verdicts, or a labels file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure a review session's model(s) against a truth, per head: n, the confusion matrix, "
                + "accuracy with its Wilson 95% interval, per-class precision, recall and F1, macro-F1, Cohen's "
                + "kappa and the expected calibration error; and how far the reviewers agree with each other.",
            "The truth is the session's verdicts (accepted: the model's label; overridden: the reviewer's), or a "
                    + "--labels file. What the numbers mean: docs/EVALUATION.md."})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", arity = "0..1",
            description = "The photo folder whose default session to evaluate (or give --session).")
    Path folder;

    @Option(names = "--session", paramLabel = "FILE", description = "The session file to evaluate.")
    Path sessionFile;

    @Option(names = "--model", paramLabel = "ID",
            description = "Evaluate only this model: its id, ID:FORMAT (onnx, tflite) or the start of its SHA-256 "
                    + "(default: every model of the session, side by side).")
    String model;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "The truth from this CSV file: a 'file' column and one column per head (label ids), "
                    + "instead of the session's verdicts.")
    Path labels;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "The truth is this reviewer's verdicts.")
    String reviewer;

    @Option(names = "--rule", paramLabel = "latest|majority",
            description = "With several reviewers, the truth is the latest verdict (default) or the label most of "
                    + "them gave (ties left out).")
    String rule;

    @Option(names = "--blinded-only", description = "The truth is only the verdicts given in blinded reading, before "
            + "the reviewer was shown the model's answer (see review --blinded).")
    boolean blindedOnly;

    @Option(names = "--by-subfolder", description = "One evaluation per top-level subfolder of the session's folder "
            + "(photos directly in it: \".\"), to show where the model does worse; JSON only.")
    boolean bySubfolder;

    @Option(names = "--format", paramLabel = "json|csv|html|pdf",
            description = "Report format (default: from the --out file's extension): JSON, CSV (one number a row), "
                    + "one self-contained HTML page with charts and a note on what the numbers mean, or the same "
                    + "as PDF.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the report.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String chosenFormat;
        Path file;
        try {
            chosenFormat = chooseFormat();
            checkTruthOptions();
            if (bySubfolder && !chosenFormat.equals("json")) {
                throw new IllegalArgumentException("--by-subfolder writes JSON only; name the report like "
                        + "evaluation.json or say --format json");
            }
            file = SessionArgument.existing(folder, sessionFile);
            if (out.getFileName() != null && out.getFileName().toString().contains(SessionFiles.EXTENSION)) {
                throw new IllegalArgumentException("will not write a report over a session file; name it like "
                        + "evaluation." + chosenFormat);
            }
        } catch (IllegalArgumentException | SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        try (Session session = Session.openToRead(file)) {
            List<ModelKey> models = ModelChoice.choose(session.results().models(), model);
            SessionEvaluator evaluator = new SessionEvaluator(session);
            GroundTruth truth = truth(session, evaluator, models);
            EvaluationReport report = evaluator.evaluate(models, truth);
            truth.problems().forEach(problem -> err.println("warning: " + problem));
            try {
                AtomicFiles.write(out, bySubfolder ? SubfolderSplit.json(SubfolderSplit.evaluate(session, models,
                        truth), truth) : switch (chosenFormat) {
                    case "csv" -> EvaluationCsv.bytes(report);
                    case "html" -> EvaluationHtml.bytes(report, Instant.now());
                    case "pdf" -> EvaluationPdf.bytes(report, Instant.now());
                    default -> EvaluationJson.bytes(report);
                });
            } catch (IOException e) {
                err.println("error: cannot write the report to " + out + " (" + e.getMessage() + "); any earlier "
                        + "file there is unchanged");
                return HaskiCommand.FAILED;
            }
            summarise(report, err);
            err.println("Wrote " + out.toAbsolutePath());
            return HaskiCommand.OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        } catch (NoSuchFileException e) {
            err.println("error: there is no labels file " + e.getFile());
            return HaskiCommand.USAGE;
        } catch (IOException e) {
            err.println("error: cannot read the labels file " + labels + " (" + e.getMessage() + ")");
            return HaskiCommand.FAILED;
        } catch (SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.FAILED;
        }
    }

    private GroundTruth truth(Session session, SessionEvaluator evaluator, List<ModelKey> models)
            throws SessionException, IOException {
        if (labels != null) {
            return LabelsFileTruth.read(labels, session.photos().all(), evaluator.heads(models));
        }
        return VerdictTruth.of(session, TruthOptions.verdictRule(reviewer, rule), blindedOnly);
    }

    private void checkTruthOptions() {
        if (labels != null && blindedOnly) {
            throw new IllegalArgumentException("--blinded-only chooses among verdicts; with --labels the truth is the "
                    + "file, so leave it out");
        }
        if (labels != null && (reviewer != null || rule != null)) {
            throw new IllegalArgumentException("--reviewer and --rule choose among verdicts; with --labels the "
                    + "truth is the file, so leave them out");
        }
        TruthOptions.verdictRule(reviewer, rule);
        if (labels != null && !Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("there is no labels file " + labels);
        }
    }

    private String chooseFormat() {
        String chosen = format;
        if (chosen == null) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            chosen = dot < 0 ? "" : name.substring(dot + 1);
            if (chosen.equals("htm")) {
                chosen = "html";
            }
            if (!List.of("json", "csv", "html", "pdf").contains(chosen)) {
                throw new IllegalArgumentException("say --format json, csv, html or pdf (the name " + out
                        + " does not tell)");
            }
        }
        CliArguments.requireOneOf("--format", chosen.toLowerCase(Locale.ROOT), "json", "csv", "html", "pdf");
        return chosen.toLowerCase(Locale.ROOT);
    }

    private static void summarise(EvaluationReport report, PrintWriter err) {
        for (ModelEvaluation evaluation : report.models()) {
            err.println(evaluation.model().describe() + ":");
            for (HeadEvaluation head : evaluation.heads()) {
                String interval = head.accuracyCi95().map(ci -> String.format(Locale.ROOT, " [%.3f, %.3f]",
                        ci.lower(), ci.upper())).orElse("");
                err.printf(Locale.ROOT, "  %s: n=%d, accuracy %s%s, macro-F1 %s, kappa %s, ECE %s%s%n", head.head(),
                        head.n(), shown(head.accuracy()), interval, shown(head.macroF1()), shown(head.kappa()),
                        shown(head.ece()), head.withoutResult().isEmpty() ? ""
                                : "; " + head.withoutResult().size() + " with truth but no result");
            }
        }
        if (report.truth().labels().isEmpty()) {
            err.println("warning: the truth covers no photo, so nothing could be measured");
        }
    }

    private static String shown(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "undefined";
    }
}
