package ai.haski.desktop.cli;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.evaluation.LabelsImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Records a labels file's labels as one reviewer's verdicts in a session. */
@Command(name = "import-verdicts", mixinStandardHelpOptions = true,
        description = {"Record a labels file (the format export --format labels writes) as one reviewer's verdicts "
                + "on a model's results: the model's own label becomes an accept, any other an override.",
            "Rows, columns or labels the file gets wrong are reported and left out; the rest is recorded in one "
                    + "transaction. See docs/EVALUATION.md."})
final class ImportVerdictsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", arity = "0..1",
            description = "The photo folder whose default session to import into (or give --session).")
    Path folder;

    @Option(names = "--session", paramLabel = "FILE", description = "The session file to import into.")
    Path sessionFile;

    @Option(names = "--labels", paramLabel = "FILE", required = true,
            description = "The CSV file: a 'file' column and one column per head (label ids).")
    Path labels;

    @Option(names = "--reviewer", paramLabel = "NAME", required = true,
            description = "Whose verdicts they are (the reader who labelled the photos).")
    String reviewer;

    @Option(names = "--model", paramLabel = "ID",
            description = "The model whose results the verdicts are given on: its id, ID:FORMAT or the start of its "
                    + "SHA-256 (needed when the session has several).")
    String model;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path file;
        try {
            file = SessionArgument.existing(folder, sessionFile);
            if (!Files.isRegularFile(labels)) {
                throw new IllegalArgumentException("there is no labels file " + labels);
            }
        } catch (IllegalArgumentException | SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        try (Session session = Session.openFile(file)) {
            List<ModelKey> models = ModelChoice.choose(session.results().models(), model);
            if (models.size() > 1) {
                throw new IllegalArgumentException("the session has results from " + models.size() + " models; say "
                        + "which with --model (" + String.join("; ", models.stream().map(ModelKey::describe)
                        .toList()) + ")");
            }
            LabelsImport.Outcome outcome = LabelsImport.run(session, labels, models.get(0), reviewer);
            outcome.problems().forEach(problem -> err.println("warning: " + problem));
            err.println("Recorded " + outcome.verdicts() + " verdicts on " + outcome.photos() + " photos as "
                    + reviewer.strip() + " from " + labels + " on " + models.get(0).describe());
            return HaskiCommand.OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + "; nothing was recorded");
            return HaskiCommand.USAGE;
        } catch (IOException e) {
            err.println("error: cannot read the labels file " + labels + " (" + e.getMessage() + "); nothing was "
                    + "recorded");
            return HaskiCommand.FAILED;
        } catch (SessionException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.FAILED;
        }
    }
}
