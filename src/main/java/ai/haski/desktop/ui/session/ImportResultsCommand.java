package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ResultImport;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.ui.dialog.DialogService;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.value.ObservableObjectValue;

/**
 * Session > Import results…: asks for a Spark job's JSON Lines output folder ({@code docs/SPARK.md}), takes its
 * results into the open session on the store lane ({@link ResultImport}), says what it did, then reopens the
 * session so that the table shows them. Use on the UI thread.
 */
public final class ImportResultsCommand {
    static final String TITLE = "Import results (a Spark job's --format json output folder)";

    private final ObservableObjectValue<Session> session;
    private final TaskExecutor store;
    private final NoticeSink notices;
    private final DialogService dialogs;
    private final Consumer<Path> reopen;

    /** {@code reopen} opens the session's folder again once the results are in. */
    public ImportResultsCommand(ObservableObjectValue<Session> session, TaskExecutor store, NoticeSink notices,
            DialogService dialogs, Consumer<Path> reopen) {
        this.session = session;
        this.store = store;
        this.notices = notices;
        this.dialogs = dialogs;
        this.reopen = reopen;
    }

    /** Asks for the folder, then imports; nothing happens when the user cancels. */
    public void run() {
        if (session.get() == null) {
            notices.post(Notice.warning("Open a folder first: there is no session to import results into."));
            return;
        }
        dialogs.chooseFolder(TITLE).ifPresent(this::importFrom);
    }

    /** Imports {@code output} into the open session in the background. */
    public void importFrom(Path output) {
        Session open = session.get();
        if (open == null) {
            return;
        }
        Path folder = open.root();
        store.execute(BackgroundTask.of("import results", () -> ResultImport.run(open, output))
                .onSuccess(report -> {
                    notices.post(Notice.info("Imported " + report.imported() + " results from " + output + "; "
                            + report.alreadyThere() + " photos already had a result from that model, "
                            + report.failedRows() + " error rows were left for the batch, " + report.notInFolder()
                            + " rows name no photo of this folder"
                            + (report.problems().isEmpty() ? "." : "; " + report.problems().size()
                                    + " lines could not be read, the first: " + report.problems().get(0))));
                    reopen.accept(folder);
                })
                .onFailure(error -> notices.post(Notice.error("Cannot import results from " + output + ": "
                        + error.getMessage() + ". Choose the job's --output folder (run with --format json)."))));
    }
}
