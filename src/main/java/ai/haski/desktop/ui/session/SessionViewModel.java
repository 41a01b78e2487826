package ai.haski.desktop.ui.session;

import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.session.BatchListener;
import ai.haski.desktop.session.BatchProgress;
import ai.haski.desktop.session.BatchRunner;
import ai.haski.desktop.session.BatchState;
import ai.haski.desktop.session.HeadSummary;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Note;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.PhotoPage;
import ai.haski.desktop.session.PhotoQuery;
import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.ReviewerSettings;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionExport;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.StoredResult;
import ai.haski.desktop.session.Verdict;
import ai.haski.desktop.ui.models.ModelsViewModel;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.photo.DisplayPicture;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder review session in the window: opening the folder, the batch run with the active model (progress, pause,
 * resume, cancel), the table of photos with filters, the review of the selected photo (verdicts, flag, note, each
 * saved at once) and the export. Every method is called on the UI thread; database work runs on a serial store
 * executor (so verdicts are saved in the order given), the batch on its own executor.
 */
public final class SessionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);

    private final ModelsViewModel models;
    private final AppPaths paths;
    private final ReviewerSettings reviewerSettings;
    private final DisplayDecoder displayDecoder;
    private final TaskExecutor executor;
    private final TaskExecutor store;
    private final TaskExecutor batchExecutor;
    private final Executor uiThread;
    private final Consumer<Notice> notices;
    private final AnalysisPool batchPool;

    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper folderText = new ReadOnlyStringWrapper(this, "folderText", "");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ObservableList<ReviewRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ReviewRow> filteredRows = new FilteredList<>(rows);
    private final SortedList<ReviewRow> sortedRows = new SortedList<>(filteredRows);
    private final ObservableList<String> headNames = FXCollections.observableArrayList();
    private final ObjectProperty<RowFilter> filter = new SimpleObjectProperty<>(this, "filter", RowFilter.ALL);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.6);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ObjectProperty<String> labelHead = new SimpleObjectProperty<>(this, "labelHead");
    private final ObjectProperty<String> labelValue = new SimpleObjectProperty<>(this, "labelValue");
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList();
    private final ObservableList<ModelKey> sessionModels = FXCollections.observableArrayList();
    private final ObjectProperty<ModelKey> modelA = new SimpleObjectProperty<>(this, "modelA");
    private final ObjectProperty<ModelKey> modelB = new SimpleObjectProperty<>(this, "modelB");
    private final ReadOnlyObjectWrapper<Map<Long, DisagreementText.Sides>> disagreements = new ReadOnlyObjectWrapper<>(this,
            "disagreements", Map.of());
    /** Counts disagreement look-ups; an answer for an older pair of models arrives late and is dropped. */
    private long disagreementGeneration;
    /** Row positions, counts, heads and labels seen: replaced when a session opens, updated row by row. */
    private RowSummary summary = RowSummary.of(List.of());
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper activeModelText = new ReadOnlyStringWrapper(this, "activeModelText",
            "Model: none");
    private final BooleanProperty gridShown = new SimpleBooleanProperty(this, "gridShown");
    private final GridThumbnails thumbnails;

    private final ReadOnlyBooleanWrapper batchRunning = new ReadOnlyBooleanWrapper(this, "batchRunning");
    private final ReadOnlyBooleanWrapper batchPaused = new ReadOnlyBooleanWrapper(this, "batchPaused");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<BatchProgress> lastProgress = new ReadOnlyObjectWrapper<>(this,
            "lastProgress");

    private final ReadOnlyObjectWrapper<ReviewRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<HeadReview> heads = FXCollections.observableArrayList();
    private final IntegerProperty focusedHead = new SimpleIntegerProperty(this, "focusedHead", 0);
    private final ReadOnlyStringWrapper noteText = new ReadOnlyStringWrapper(this, "noteText", "");
    private final ReadOnlyStringWrapper reviewText = new ReadOnlyStringWrapper(this, "reviewText", "");
    private final ReadOnlyObjectWrapper<DisplayPicture> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyStringWrapper pictureMessage = new ReadOnlyStringWrapper(this, "pictureMessage", "");
    private final ReadOnlyStringWrapper reviewer = new ReadOnlyStringWrapper(this, "reviewer", "");
    private final BooleanProperty exporting = new SimpleBooleanProperty(this, "exporting");

    private BatchRunner runner;
    private ModelKey activeModel;
    /** Counts selections; details and pictures for an older one arrive late and are dropped. */
    private long selectionGeneration;
    private BackgroundTask<DisplayPicture> decodeTask;

    /**
     * @param executor decodes pictures and writes exports
     * @param store reads and writes the session, one task at a time, in order
     * @param batchExecutor runs the batch (blocking for as long as it lasts)
     * @param uiThread runs the batch's progress reports on the UI thread
     * @param batchPool the workers the batch analyses photos on
     * @param thumbnails the grid's thumbnails
     */
    public SessionViewModel(ModelsViewModel models, AppPaths paths, ReviewerSettings reviewerSettings,
            DisplayDecoder displayDecoder, TaskExecutor executor, TaskExecutor store, TaskExecutor batchExecutor,
            Executor uiThread, Consumer<Notice> notices, AnalysisPool batchPool, GridThumbnails thumbnails) {
        this.thumbnails = thumbnails;
        this.models = models;
        this.paths = paths;
        this.reviewerSettings = reviewerSettings;
        this.displayDecoder = displayDecoder;
        this.executor = executor;
        this.store = store;
        this.batchExecutor = batchExecutor;
        this.uiThread = uiThread;
        this.notices = notices;
        this.batchPool = batchPool;
        reviewer.set(reviewerSettings.name().orElse(""));
        filter.addListener((obs, old, now) -> refilter());
        threshold.addListener((obs, old, now) -> refilter());
        labelHead.addListener((obs, old, now) -> {
            updateLabelChoices();
            refilter();
        });
        labelValue.addListener((obs, old, now) -> refilter());
        filter.addListener((obs, old, now) -> {
            if (now == RowFilter.MODELS_DISAGREE) {
                loadDisagreements();
            }
        });
        modelA.addListener((obs, old, now) -> loadDisagreements());
        modelB.addListener((obs, old, now) -> loadDisagreements());
        // A model switch closes the model the batch is running on: stop the batch first, it can be started again.
        models.loadingProperty().addListener((obs, was, now) -> {
            if (now && runner != null) {
                runner.cancel();
                notices.accept(Notice.info("The batch was stopped because the model is being switched. Start it "
                        + "again to analyse the rest with the new model."));
            }
        });
        models.analyzerProperty().addListener((obs, old, now) -> {
            activeModel = now == null ? null : ModelKey.of(now.provenance());
            activeModelText.set(modelText(now));
        });
        Analyzer current = models.analyzerProperty().get();
        activeModel = current == null ? null : ModelKey.of(current.provenance());
        activeModelText.set(modelText(current));
    }

    // ---- opening -------------------------------------------------------------------------------------------

    /** Opens (or reopens) the folder's session, scanning the folder for new and missing photos, in the background. */
    public void openFolder(Path folder) {
        if (batchRunning.get()) {
            notices.accept(Notice.warning("A batch is running on " + folderText.get() + ". Cancel it before opening "
                    + "another folder."));
            return;
        }
        opening.set(true);
        folderText.set("Opening " + nameOf(folder) + "…");
        Optional<ModelKey> preferred = Optional.ofNullable(activeModel);
        store.execute(BackgroundTask.of("open session " + nameOf(folder), () -> {
            Session opened = Session.open(folder, paths);
            try {
                opened.rescan();
                List<ReviewRow> loaded = loadRows(opened, preferred);
                return new Opened(opened, loaded, RowSummary.of(loaded), opened.results().models());
            } catch (SessionException | RuntimeException e) {
                opened.close();
                throw e;
            }
        }).onSuccess(result -> {
            Session old = session.get();
            show(result);
            if (old != null) {
                store.execute(BackgroundTask.of("close session", () -> {
                    old.close();
                    return old;
                }));
            }
        }).onFailure(error -> {
            folderText.set(session.get() == null ? "" : nameOf(session.get().root()));
            notices.accept(Notice.error("The folder " + folder + " could not be opened as a session: "
                    + error.getMessage()));
        }).onFinished(() -> opening.set(false)));
    }

    private record Opened(Session session, List<ReviewRow> rows, RowSummary summary, List<ModelKey> models) {}

    private static List<ReviewRow> loadRows(Session opened, Optional<ModelKey> preferred) throws SessionException {
        List<ReviewRow> loaded = new ArrayList<>();
        int offset = 0;
        while (true) {
            PhotoPage page = opened.listing().list(PhotoQuery.all().page(offset, PhotoQuery.MAX_PAGE));
            page.rows().forEach(row -> loaded.add(ReviewRow.of(row, preferred)));
            offset += page.rows().size();
            if (page.rows().isEmpty() || offset >= page.total()) {
                return loaded;
            }
        }
    }

    private void show(Opened opened) {
        session.set(opened.session());
        folderText.set(opened.session().root().toString());
        summary = opened.summary();
        if (!headNames.equals(summary.heads)) {
            headNames.setAll(summary.heads);
        }
        rows.setAll(opened.rows());
        showModels(opened.models());
        updateLabelChoices();
        progress.set(0);
        long analysed = opened.rows().stream().filter(ReviewRow::analysed).count();
        progressText.set(opened.rows().size() + " photos, " + analysed + " analysed");
        updateCount();
        selectIndex(0);
        LOG.info("Session opened: {} photos, {} analysed", opened.rows().size(), analysed);
    }

    private void noteHeads(ReviewRow row) {
        boolean newLabel = summary.note(row);
        for (String head : summary.heads) {
            if (!headNames.contains(head)) {
                headNames.add(head);
            }
        }
        if (newLabel) {
            updateLabelChoices();
        }
    }

    // ---- batch ---------------------------------------------------------------------------------------------

    /** Analyses every photo the active model has not analysed yet; results fill the table as they come. */
    public void startBatch() {
        Session current = session.get();
        if (current == null) {
            notices.accept(Notice.warning("Open a folder first: File > Open folder… (Ctrl+Shift+O)."));
            return;
        }
        if (batchRunning.get()) {
            return;
        }
        batchRunning.set(true);
        progressText.set("Waiting for the model…");
        models.whenReady(ready -> {
            if (ready.isEmpty()) {
                batchRunning.set(false);
                progressText.set("No model: nothing analysed");
                notices.accept(Notice.warning("The photos cannot be analysed: no model is active ("
                        + models.noModelReason().orElse("none loaded") + ")."));
                return;
            }
            run(current, ready.get());
        });
    }

    private void run(Session current, Analyzer analyzer) {
        BatchRunner started = new BatchRunner(current, analyzer, batchPool, false);
        runner = started;
        activeModel = started.model();
        started.addListener(new BatchListener() {
            @Override
            public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress now) {
                uiThread.execute(() -> {
                    result.ifPresent(SessionViewModel.this::replaceResult);
                    showProgress(now);
                });
            }

            @Override
            public void stateChanged(BatchProgress now) {
                uiThread.execute(() -> showProgress(now));
            }
        });
        batchExecutor.execute(BackgroundTask.of("batch", started::run)
                .onSuccess(last -> {
                    showProgress(last);
                    notices.accept(Notice.info(summary(last)));
                })
                .onFailure(error -> notices.accept(Notice.error("The batch stopped: " + error.getMessage())))
                .onFinished(() -> {
                    if (runner == started) {
                        runner = null;
                    }
                    batchRunning.set(false);
                    batchPaused.set(false);
                    refilter();
                    reloadModels();
                }));
    }

    public void pauseBatch() {
        if (runner != null) {
            runner.pause();
        }
    }

    public void resumeBatch() {
        if (runner != null) {
            runner.resume();
        }
    }

    /** Pause if running, resume if paused. */
    public void togglePause() {
        if (batchPaused.get()) {
            resumeBatch();
        } else {
            pauseBatch();
        }
    }

    /** Starts no more photos; those in flight are saved. */
    public void cancelBatch() {
        if (runner != null) {
            runner.cancel();
        }
    }

    private void showProgress(BatchProgress now) {
        lastProgress.set(now);
        batchPaused.set(now.state() == BatchState.PAUSED);
        progress.set(now.total() == 0 ? 1 : (double) now.done() / now.total());
        progressText.set(progressLine(now));
    }

    static String progressLine(BatchProgress p) {
        StringBuilder line = new StringBuilder();
        line.append(p.done()).append(" of ").append(p.total()).append(" analysed");
        if (p.failed() > 0) {
            line.append(", ").append(p.failed()).append(" failed");
        }
        if (p.ratePerSecond() > 0) {
            line.append(String.format(Locale.ROOT, " · %.1f photos/s", p.ratePerSecond()));
        }
        if (p.state() == BatchState.RUNNING) {
            p.remaining().ifPresent(left -> line.append(" · about ").append(duration(left)).append(" left"));
        }
        switch (p.state()) {
            case PAUSED -> line.append(" · paused");
            case CANCELLING -> line.append(" · cancelling…");
            case CANCELLED -> line.append(" · cancelled");
            case FINISHED -> line.append(" · finished");
            case FAILED -> line.append(" · stopped by an error");
            default -> { }
        }
        if (p.alreadyAnalysed() > 0) {
            line.append(" (").append(p.alreadyAnalysed()).append(" analysed before)");
        }
        return line.toString();
    }

    static String duration(Duration left) {
        long seconds = Math.max(0, left.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    private static String summary(BatchProgress last) {
        return "Batch " + last.state().name().toLowerCase(Locale.ROOT) + ": " + last.succeeded() + " analysed, "
                + last.failed() + " failed, " + last.missing() + " missing, " + last.alreadyAnalysed()
                + " analysed before.";
    }

    /** One result arrived: only its row changes, the table is not reloaded. */
    private void replaceResult(StoredResult result) {
        Integer index = summary.index.get(result.photoId());
        if (index == null) {
            return;
        }
        ReviewRow updated = rows.get(index).withResult(result);
        replaceRow(index, updated);
        noteHeads(updated);
    }

    private void replaceRow(int index, ReviewRow updated) {
        ReviewRow shown = selected.get();
        summary.counts.remove(rows.get(index));
        summary.counts.add(updated);
        rows.set(index, updated);
        if (shown != null && shown.photoId() == updated.photoId()) {
            boolean resultChanged = !shown.result().equals(updated.result());
            selected.set(updated);
            if (resultChanged) {
                loadDetails(updated, selectionGeneration);
            }
        }
        updateCount();
    }

    // ---- table and navigation ------------------------------------------------------------------------------

    private void refilter() {
        filteredRows.setPredicate(filter.get().predicate(new FilterSettings(threshold.get(), labelHead.get(),
                labelValue.get(), disagreements.get())));
        updateCount();
    }

    private void updateCount() {
        countText.set(sortedRows.size() == rows.size() ? rows.size() + " photos"
                : sortedRows.size() + " of " + rows.size() + " photos");
        statusText.set(summary.counts.text());
    }

    private void updateLabelChoices() {
        String head = labelHead.get();
        List<String> labels = head == null ? List.of() : List.copyOf(summary.labels.getOrDefault(head, Set.of()));
        if (!labels.equals(labelChoices)) {
            labelChoices.setAll(labels);
        }
        if (labelHead.get() == null && !headNames.isEmpty()) {
            labelHead.set(headNames.get(0));
        }
    }

    // ---- two models ----------------------------------------------------------------------------------------

    private void showModels(List<ModelKey> found) {
        sessionModels.setAll(found);
        if (modelA.get() == null || !found.contains(modelA.get())) {
            modelA.set(found.isEmpty() ? null : found.get(0));
        }
        if (modelB.get() == null || !found.contains(modelB.get()) || modelB.get().equals(modelA.get())) {
            modelB.set(found.stream().filter(model -> !model.equals(modelA.get())).findFirst().orElse(null));
        }
    }

    private void reloadModels() {
        Session current = session.get();
        if (current == null) {
            return;
        }
        store.execute(BackgroundTask.of("list the session's models", () -> current.results().models())
                .onSuccess(found -> {
                    if (session.get() == current) {
                        showModels(found);
                        if (filter.get() == RowFilter.MODELS_DISAGREE) {
                            loadDisagreements();
                        }
                    }
                }));
    }

    /** Reads where the two chosen models disagree, in the background, when the filter asks for it. */
    private void loadDisagreements() {
        long mine = ++disagreementGeneration;
        if (filter.get() != RowFilter.MODELS_DISAGREE) {
            // Refiltering 10,000 rows re-lays out the table: only when the filter shows disagreements.
            if (!disagreements.get().isEmpty()) {
                disagreements.set(Map.of());
            }
            return;
        }
        Session current = session.get();
        ModelKey a = modelA.get();
        ModelKey b = modelB.get();
        if (current == null || a == null || b == null || a.equals(b)) {
            disagreements.set(Map.of());
            refilter();
            if (session.get() != null) {
                notices.accept(Notice.info("Models disagree compares the results of two models: run the batch with "
                        + "another model (Model picker), then choose two different models here."));
            }
            return;
        }
        store.execute(BackgroundTask.of("compare two models", () -> DisagreementText.byPhoto(
                current.results().disagreements(a, b)))
                .onSuccess(found -> {
                    if (mine == disagreementGeneration) {
                        disagreements.set(found);
                        refilter();
                    }
                })
                .onFailure(error -> notices.accept(Notice.error("The two models could not be compared: "
                        + error.getMessage()))));
    }

    /** How the two chosen models disagree on this photo ("skin_type: oily 62% ≠ dry 48%"), or empty text. */
    public String disagreementText(ReviewRow row) {
        DisagreementText.Sides sides = disagreements.get().get(row.photoId());
        return sides == null ? "" : sides.both();
    }

    /** The heads on which the two chosen models disagree for this photo, or empty text. */
    public String disagreeingHeads(ReviewRow row) {
        DisagreementText.Sides sides = disagreements.get().get(row.photoId());
        return sides == null ? "" : sides.heads();
    }

    /** The first model's labels on the heads where the two chosen models disagree on this photo, or empty text. */
    public String firstModelLabels(ReviewRow row) {
        DisagreementText.Sides sides = disagreements.get().get(row.photoId());
        return sides == null ? "" : sides.first();
    }

    /** The second model's labels on those heads, or empty text. */
    public String secondModelLabels(ReviewRow row) {
        DisagreementText.Sides sides = disagreements.get().get(row.photoId());
        return sides == null ? "" : sides.second();
    }

    private static String modelText(Analyzer analyzer) {
        if (analyzer == null) {
            return "Model: none";
        }
        return "Model: " + analyzer.provenance().modelName() + " " + analyzer.provenance().modelVersion() + " ("
                + analyzer.provenance().format() + ")";
    }

    /** Shows this row in the review pane; the table calls it when its selection changes. */
    public void select(ReviewRow row) {
        if (row == null) {
            return;
        }
        ReviewRow shown = selected.get();
        if (shown != null && shown.photoId() == row.photoId()) {
            return;
        }
        long mine = ++selectionGeneration;
        selected.set(row);
        heads.clear();
        noteText.set("");
        reviewText.set("Loading…");
        loadDetails(row, mine);
        loadPicture(row, mine);
    }

    private void selectIndex(int index) {
        if (index >= 0 && index < sortedRows.size()) {
            select(sortedRows.get(index));
        }
    }

    private int selectedIndex() {
        ReviewRow shown = selected.get();
        if (shown == null) {
            return -1;
        }
        for (int i = 0; i < sortedRows.size(); i++) {
            if (sortedRows.get(i).photoId() == shown.photoId()) {
                return i;
            }
        }
        return -1;
    }

    public void next() {
        selectIndex(Math.min(sortedRows.size() - 1, selectedIndex() + 1));
    }

    public void previous() {
        selectIndex(Math.max(0, selectedIndex() - 1));
    }

    /** Jumps to the next unreviewed photo in the table's order, wrapping round to the top. */
    public void nextUnreviewed() {
        int start = selectedIndex();
        int size = sortedRows.size();
        for (int step = 1; step <= size; step++) {
            ReviewRow row = sortedRows.get((start + step + size) % size);
            if (row.reviewState() == ReviewState.UNREVIEWED && row.photoId() != idOf(selected.get())) {
                select(row);
                return;
            }
        }
        notices.accept(Notice.info("Every photo shown is reviewed."));
    }

    private static long idOf(ReviewRow row) {
        return row == null ? -1 : row.photoId();
    }

    public void focusNextHead() {
        if (!heads.isEmpty()) {
            focusedHead.set((focusedHead.get() + 1) % heads.size());
        }
    }

    public void focusPreviousHead() {
        if (!heads.isEmpty()) {
            focusedHead.set((focusedHead.get() - 1 + heads.size()) % heads.size());
        }
    }

    private void loadPicture(ReviewRow row, long mine) {
        Session current = session.get();
        if (decodeTask != null) {
            decodeTask.cancel();
        }
        picture.set(null);
        pictureMessage.set("Loading " + row.file() + "…");
        Path file = row.photo().resolveIn(current.root());
        decodeTask = executor.execute(BackgroundTask.of("decode for review " + row.file(),
                () -> displayDecoder.decode(file))
                .onSuccess(shown -> {
                    if (mine == selectionGeneration) {
                        picture.set(shown);
                        pictureMessage.set("");
                    }
                })
                .onFailure(error -> {
                    if (mine == selectionGeneration) {
                        pictureMessage.set(row.file() + " cannot be shown: " + error.getMessage());
                    }
                }));
    }

    private record Details(ReviewState state, List<HeadReview> heads, String note, String text) {}

    private void loadDetails(ReviewRow row, long mine) {
        Session current = session.get();
        store.execute(BackgroundTask.of("read review " + row.file(), () -> details(current, row))
                .onSuccess(details -> {
                    if (mine == selectionGeneration) {
                        showDetails(details);
                    }
                })
                .onFailure(error -> notices.accept(Notice.error("The review of " + row.file()
                        + " could not be read: " + error.getMessage()))));
    }

    private static Details details(Session current, ReviewRow row) throws SessionException {
        long id = row.photoId();
        Map<String, Verdict> verdicts = current.reviews().currentVerdicts(id);
        List<Verdict> history = current.reviews().verdictHistory(id);
        List<HeadReview> heads = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        StoredResult result = row.result().filter(StoredResult::succeeded).orElse(null);
        if (result != null) {
            for (HeadSummary head : result.heads()) {
                names.add(head.head());
                List<Verdict> mine = history.stream().filter(v -> v.head().equals(head.head())).toList();
                heads.add(new HeadReview(head.head(), head.topLabel(), head.topProbability(),
                        result.labels(head.head()), Optional.ofNullable(verdicts.get(head.head())), mine.size(),
                        historyText(mine)));
            }
        }
        String note = current.reviews().currentNote(id).map(Note::text).orElse("");
        String text;
        if (row.result().isEmpty()) {
            text = "Not analysed yet: run the batch (Session > Analyse all).";
        } else if (result == null) {
            StoredResult failed = row.result().get();
            text = "The analysis failed: " + failed.errorCode().orElse("") + " " + failed.errorMessage().orElse("")
                    + "\nYou can still flag the photo or write a note.";
        } else {
            text = "Made by " + result.model().describe() + " (" + result.runtime() + ")";
        }
        return new Details(current.reviews().state(id), heads, note, text);
    }

    private static String historyText(List<Verdict> history) {
        StringBuilder text = new StringBuilder();
        for (Verdict verdict : history) {
            text.append(verdict.at()).append("  ").append(verdict.reviewer()).append(": ")
                    .append(verdict.action().name().toLowerCase(Locale.ROOT)).append(' ').append(verdict.label())
                    .append('\n');
        }
        return text.toString().strip();
    }

    private void showDetails(Details details) {
        heads.setAll(details.heads());
        if (focusedHead.get() >= heads.size()) {
            focusedHead.set(0);
        }
        noteText.set(details.note());
        reviewText.set(details.text());
        ReviewRow shown = selected.get();
        if (shown != null && shown.reviewState() != details.state()) {
            Integer index = summary.index.get(shown.photoId());
            if (index != null) {
                replaceRow(index, rows.get(index).withState(details.state()));
            }
        }
    }

    // ---- verdicts ------------------------------------------------------------------------------------------

    /** Saves the reviewer's name for this and later sessions. */
    public void setReviewer(String name) {
        try {
            reviewerSettings.setName(name);
            reviewer.set(name.strip());
        } catch (SessionException | IllegalArgumentException e) {
            notices.accept(Notice.error(e.getMessage()));
        }
    }

    /** Accepts every head of the selected photo, then moves to the next photo. */
    public void acceptAll() {
        ReviewRow row = reviewableSelection("accept");
        if (row == null) {
            return;
        }
        int index = selectedIndex();
        ReviewRow after = index + 1 < sortedRows.size() ? sortedRows.get(index + 1) : null;
        String name = reviewer.get();
        long analysisId = row.result().orElseThrow().analysisId();
        save(row, "accept", s -> s.reviews().acceptAll(analysisId, name), () -> {
            if (after != null && idOf(selected.get()) == row.photoId()) {
                select(after);
            }
        });
    }

    /** Overrides the focused head with its {@code number}-th label (1 = the first). */
    public void overrideFocused(int number) {
        ReviewRow row = reviewableSelection("override");
        if (row == null || heads.isEmpty()) {
            return;
        }
        HeadReview head = heads.get(Math.min(focusedHead.get(), heads.size() - 1));
        if (number < 1 || number > head.labels().size()) {
            notices.accept(Notice.warning(head.head() + " has " + head.labels().size() + " labels; press 1 to "
                    + Math.min(9, head.labels().size()) + "."));
            return;
        }
        override(head.head(), head.labels().get(number - 1));
    }

    /** Overrides one head of the selected photo with the given label. */
    public void override(String head, String label) {
        ReviewRow row = reviewableSelection("override");
        if (row == null) {
            return;
        }
        String name = reviewer.get();
        long analysisId = row.result().orElseThrow().analysisId();
        save(row, "override", s -> s.reviews().override(analysisId, head, label, name), () -> { });
    }

    /** Flags the selected photo, or takes its flag off. */
    public void toggleFlag() {
        ReviewRow row = selected.get();
        if (row == null || !haveReviewer()) {
            return;
        }
        String name = reviewer.get();
        boolean flagged = row.flagged();
        save(row, flagged ? "unflag" : "flag", s -> flagged ? s.reviews().unflag(row.photoId(), name)
                : s.reviews().flag(row.photoId(), "", name), () -> { });
    }

    /** Saves the selected photo's note when it changed. */
    public void saveNote(String text) {
        ReviewRow row = selected.get();
        String clean = text == null ? "" : text.strip();
        if (row == null || clean.equals(noteText.get()) || !haveReviewer()) {
            return;
        }
        String name = reviewer.get();
        save(row, "note", s -> s.reviews().note(row.photoId(), clean, name), () -> { });
    }

    private ReviewRow reviewableSelection(String what) {
        ReviewRow row = selected.get();
        if (row == null || !haveReviewer()) {
            return null;
        }
        if (!row.reviewable()) {
            notices.accept(Notice.warning(row.file() + " has no result to " + what + (row.analysed()
                    ? " (its analysis failed); flag it (F) or write a note instead."
                    : " yet: run the batch first.")));
            return null;
        }
        return row;
    }

    private boolean haveReviewer() {
        if (reviewer.get().isBlank()) {
            notices.accept(Notice.warning("Enter your name first (Session > Reviewer name…): every verdict says "
                    + "who gave it."));
            return false;
        }
        return true;
    }

    @FunctionalInterface
    private interface Write {
        Object apply(Session session) throws Exception;
    }

    private void save(ReviewRow row, String what, Write write, Runnable then) {
        Session current = session.get();
        long mine = selectionGeneration;
        store.execute(BackgroundTask.of(what + " " + row.file(), () -> {
            write.apply(current);
            return details(current, row);
        }).onSuccess(details -> {
            Integer index = summary.index.get(row.photoId());
            if (index != null) {
                replaceRow(index, rows.get(index).withState(details.state()));
            }
            if (mine == selectionGeneration) {
                showDetails(details);
            }
            then.run();
        }).onFailure(error -> notices.accept(Notice.error("The " + what + " of " + row.file()
                + " was not saved: " + error.getMessage()))));
    }

    // ---- export --------------------------------------------------------------------------------------------

    /** Writes every photo, result and verdict to {@code target} as CSV or JSON, atomically, in the background. */
    public void export(Path target, SessionExport.Format format) {
        Session current = session.get();
        if (current == null) {
            notices.accept(Notice.warning("Open a folder first: there is no session to export."));
            return;
        }
        exporting.set(true);
        executor.execute(BackgroundTask.of("export", () -> SessionExport.write(current, format, target))
                .onSuccess(done -> notices.accept(Notice.info("Exported " + done.photos() + " photos and "
                        + done.results() + " results to " + done.file())))
                .onFailure(error -> notices.accept(Notice.error("The export to " + target + " failed: "
                        + error.getMessage() + ". Nothing was written there; free some disk space or choose "
                        + "another folder, and export again.")))
                .onFinished(() -> exporting.set(false)));
    }

    /** The format a file name asks for: {@code .json} is JSON, anything else CSV. */
    public static SessionExport.Format formatFor(Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? SessionExport.Format.JSON : SessionExport.Format.CSV;
    }

    /** Cancels the batch and closes the session; for exit. */
    public void close() {
        cancelBatch();
        Session current = session.get();
        if (current != null && runner == null) {
            current.close();
        }
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty folderTextProperty() {
        return folderText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Every photo of the session, in the folder's order. */
    public ObservableList<ReviewRow> rows() {
        return rows;
    }

    /** The rows the filter keeps, in the order the table's comparator asks for (bind it). */
    public SortedList<ReviewRow> sortedRows() {
        return sortedRows;
    }

    /** The heads seen in the results so far, in the order first seen: one pair of table columns each. */
    public ObservableList<String> headNames() {
        return headNames;
    }

    public ObjectProperty<RowFilter> filterProperty() {
        return filter;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The head the label filter looks at. */
    public ObjectProperty<String> labelHeadProperty() {
        return labelHead;
    }

    /** The label the label filter keeps. */
    public ObjectProperty<String> labelValueProperty() {
        return labelValue;
    }

    /** The top labels seen for the label filter's head, A to Z. */
    public ObservableList<String> labelChoices() {
        return labelChoices;
    }

    /** The models with results in this session, first used first. */
    public ObservableList<ModelKey> sessionModels() {
        return sessionModels;
    }

    /** The first model of "models disagree". */
    public ObjectProperty<ModelKey> modelAProperty() {
        return modelA;
    }

    /** The second model of "models disagree". */
    public ObjectProperty<ModelKey> modelBProperty() {
        return modelB;
    }

    /** Photos where the two chosen models disagree, with how; empty unless that filter is chosen. */
    public ReadOnlyObjectProperty<Map<Long, DisagreementText.Sides>> disagreementsProperty() {
        return disagreements.getReadOnlyProperty();
    }

    /** Photos total, analysed, reviewed, flagged, errors and missing, for the status bar. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The active model, for the status bar. */
    public ReadOnlyStringProperty activeModelTextProperty() {
        return activeModelText.getReadOnlyProperty();
    }

    /** Whether the photos are shown as a grid of thumbnails instead of the table. */
    public BooleanProperty gridShownProperty() {
        return gridShown;
    }

    public GridThumbnails thumbnails() {
        return thumbnails;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty batchRunningProperty() {
        return batchRunning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty batchPausedProperty() {
        return batchPaused.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BatchProgress> lastProgressProperty() {
        return lastProgress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected photo's heads with their verdicts. */
    public ObservableList<HeadReview> heads() {
        return heads;
    }

    /** Which head 1..9 and accept-one act on. */
    public IntegerProperty focusedHeadProperty() {
        return focusedHead;
    }

    public ReadOnlyStringProperty noteTextProperty() {
        return noteText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewTextProperty() {
        return reviewText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DisplayPicture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pictureMessageProperty() {
        return pictureMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewerProperty() {
        return reviewer.getReadOnlyProperty();
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }
}
