package ai.haski.desktop.ui.session;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.session.ReviewerSettings;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.ui.dialog.DialogService;
import ai.haski.desktop.ui.evaluation.EvaluationViewModel;
import ai.haski.desktop.ui.models.ActiveModelService;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.result.ExplainViewModel;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder review session in the window, made of parts with one job each: which session is open
 * ({@link SessionLifecycle}), the batch ({@link BatchViewModel}), the table and its filters
 * ({@link PhotoTableViewModel}), two models compared ({@link ModelComparisonViewModel}), the review of the selected
 * photo ({@link ReviewPaneViewModel}), the export ({@link ExportCommand}) and the evaluation
 * ({@link EvaluationViewModel}). This class builds them, passes each
 * event from one part to the next, and carries the few commands the menus call. Use on the UI thread.
 */
public final class SessionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);

    private final ImportResultsCommand importResults;
    private final NoticeSink notices;
    private final SessionLifecycle lifecycle;
    private final ModelComparisonViewModel comparison;
    private final PhotoTableViewModel table;
    private final ReviewerViewModel reviewer;
    private final ReviewPaneViewModel review;
    private final BatchViewModel batch;
    private final ExportCommand export;
    private final ExplainViewModel explain;
    private final GridThumbnails thumbnails;
    private final EvaluationViewModel evaluation;
    private final TaskExecutor store;

    /**
     * @param interactive decodes pictures and writes exports
     * @param store reads and writes the session, one task at a time, in order
     * @param batchLane runs the batch (blocking a worker for as long as it lasts)
     * @param batchJobs makes the batch job for a session and an analyzer
     * @param thumbnails the grid's thumbnails
     */
    public SessionViewModel(ActiveModelService models, AppPaths paths, ReviewerSettings reviewerSettings,
            DisplayDecoder displayDecoder, TaskExecutor interactive, TaskExecutor store, TaskExecutor batchLane,
            BatchJob.Factory batchJobs, NoticeSink notices, DialogService dialogs, GridThumbnails thumbnails) {
        this.notices = notices;
        this.thumbnails = thumbnails;
        reviewer = new ReviewerViewModel(reviewerSettings, store, notices, dialogs);
        lifecycle = new SessionLifecycle(paths, store, notices, this::show, () -> reviewer.reviewerProperty().get());
        ReadOnlyObjectProperty<Session> open = lifecycle.sessionProperty();
        comparison = new ModelComparisonViewModel(open, store, notices);
        table = new PhotoTableViewModel(comparison.disagreementsProperty());
        comparison.wantedProperty().bind(table.filterProperty().isEqualTo(RowFilter.MODELS_DISAGREE));
        review = new ReviewPaneViewModel(open, table, reviewer, store, interactive, displayDecoder, notices);
        // Blinded reading hides the model's answers; a map names the label it explains, so none is made then.
        explain = new ExplainViewModel(models, Bindings.createObjectBinding(
                () -> table.blindedProperty().get() ? null
                        : ReviewExplainSubject.of(review.selectedProperty().get(), open.get()),
                review.selectedProperty(), open, table.blindedProperty()), interactive);
        batch = new BatchViewModel(models, open, batchJobs, batchLane, interactive.uiThread(), notices,
                table::replaceResult, () -> {
                    table.refilter();
                    comparison.reloadModels();
                    evaluation().refresh();
                });
        export = new ExportCommand(open, interactive, notices, dialogs);
        evaluation = new EvaluationViewModel(open, store, table::showOnly, notices);
        review.addVerdictListener(evaluation::refresh);
        this.store = store;
        // A blinded session is shown in each reviewer's own order: another name, another order.
        reviewer.reviewerProperty().addListener((obs, old, now) -> {
            if (table.blindedProperty().get() && lifecycle.sessionProperty().get() != null) {
                reopen();
            }
        });
        importResults = new ImportResultsCommand(open, store, notices, dialogs, this::openFolder);
    }

    private void show(OpenedSession opened) {
        table.setBlinded(opened.blinded());
        table.show(opened.rows(), opened.summary());
        comparison.showModels(opened.models());
        batch.showOpened(opened.rows());
        review.showFirst();
        LOG.info("Session opened: {} photos, {} analysed", opened.rows().size(),
                opened.rows().stream().filter(ReviewRow::analysed).count());
    }

    /** Opens (or reopens) the folder's session, scanning the folder for new and missing photos, in the background. */
    public void openFolder(Path folder) {
        if (batch.runningProperty().get()) {
            notices.post(Notice.warning("A batch is running on " + lifecycle.folderTextProperty().get()
                    + ". Cancel it before opening another folder."));
            return;
        }
        lifecycle.open(folder, batch.activeModel());
    }

    public void startBatch() {
        batch.start();
    }

    public void togglePause() {
        batch.togglePause();
    }

    public void cancelBatch() {
        batch.cancel();
    }

    /** The review pane's "Explain" toggles and their occlusion map over the selected photo. */
    public ExplainViewModel explain() {
        return explain;
    }

    /** File > Export session…: asks where and as what, then exports. */
    public void exportSession() {
        export.run();
    }

    /**
     * Session > Blinded reading: turns it on or off for the open session, recorded under the reviewer's name, then
     * shows the session again (in the reviewer's own order, with the model's answers hidden, when on).
     */
    public void setBlinded(boolean on) {
        Session current = lifecycle.sessionProperty().get();
        if (current == null || on == table.blindedProperty().get()) {
            return;
        }
        if (batch.runningProperty().get()) {
            notices.post(Notice.warning("A batch is running; change blinded reading once it is done."));
            return;
        }
        reviewer.requireName().ifPresent(name -> store.execute(BackgroundTask.of("blinded reading " + on, () -> {
            current.blinding().setBlinded(on, name);
            return null;
        }).onSuccess(done -> {
            notices.post(Notice.info(on ? "Blinded reading is on: label each head yourself (1 to 9); the model's "
                    + "answer shows once you have, and the photos come in an order shuffled for you."
                    : "Blinded reading is off: the model's answers show again."));
            reopen();
        }).onFailure(error -> notices.post(Notice.error("Blinded reading could not be changed: "
                + error.getMessage())))));
    }

    private void reopen() {
        lifecycle.open(lifecycle.sessionProperty().get().root(), batch.activeModel());
    }

    /** Session > Import results…: asks for a Spark job's output folder, then imports its results. */
    public void importResults() {
        importResults.run();
    }

    /** Session > Reviewer name…: asks for the name and saves it. */
    public void askReviewerName() {
        reviewer.askName();
    }

    /** Cancels the batch and closes the session (waiting, boundedly, for the store lane); for exit. */
    public void close() {
        batch.cancel();
        // A batch still running keeps using the session; its lane is stopped at exit and the file is left to SQLite.
        if (!batch.hasJob()) {
            lifecycle.close();
        }
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return lifecycle.sessionProperty();
    }

    public ReadOnlyBooleanProperty batchRunningProperty() {
        return batch.runningProperty();
    }

    /** Whether the open session is in blinded reading. */
    public ReadOnlyBooleanProperty blindedProperty() {
        return table.blindedProperty();
    }

    public ReadOnlyStringProperty reviewerProperty() {
        return reviewer.reviewerProperty();
    }

    public SessionLifecycle lifecycle() {
        return lifecycle;
    }

    public BatchViewModel batch() {
        return batch;
    }

    public PhotoTableViewModel table() {
        return table;
    }

    public ModelComparisonViewModel comparison() {
        return comparison;
    }

    public ReviewPaneViewModel review() {
        return review;
    }

    public ReviewerViewModel reviewer() {
        return reviewer;
    }

    public ExportCommand export() {
        return export;
    }

    /** Session > Evaluate: the models measured against the verdicts, kept up to date while shown. */
    public EvaluationViewModel evaluation() {
        return evaluation;
    }

    public GridThumbnails thumbnails() {
        return thumbnails;
    }
}
