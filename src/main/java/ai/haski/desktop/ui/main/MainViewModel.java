package ai.haski.desktop.ui.main;

import static ai.haski.desktop.ui.main.UserTexts.nameOf;
import static ai.haski.desktop.ui.main.UserTexts.userMessage;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.platform.AtomicFiles;
import ai.haski.desktop.platform.FolderOpener;
import ai.haski.desktop.ui.dialog.DialogService;
import ai.haski.desktop.ui.dialog.TextClipboard;
import ai.haski.desktop.ui.drop.DropCheck;
import ai.haski.desktop.ui.drop.DropContent;
import ai.haski.desktop.ui.drop.DropHandler;
import ai.haski.desktop.ui.drop.DropVerdict;
import ai.haski.desktop.ui.models.ActiveModelService;
import ai.haski.desktop.ui.models.ActiveModelState;
import ai.haski.desktop.ui.models.AddModelViewModel;
import ai.haski.desktop.ui.models.ModelManagerViewModel;
import ai.haski.desktop.ui.models.ModelsViewModel;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeBoard;
import ai.haski.desktop.ui.photo.ArgbPixels;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.photo.DisplayPicture;
import ai.haski.desktop.ui.result.ResultViewModel;
import ai.haski.desktop.ui.session.SessionKeys;
import ai.haski.desktop.ui.session.SessionViewModel;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.LatestWins;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state and commands: which photo is shown, its analysis, drops and pastes, saving and copying
 * the result, and the status line. Each command runs its whole flow, asking through the {@link DialogService}; slow
 * work goes through the {@link TaskExecutor}; every method is called on the UI thread.
 */
public final class MainViewModel implements DropHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final ActiveModelService activeModel;
    private final ModelsViewModel models;
    private final ModelManagerViewModel modelManager;
    private final SessionViewModel session;
    private final NoticeBoard notices;
    private final DialogService dialogs;
    private final TextClipboard clipboard;
    private final DisplayDecoder displayDecoder;
    private final TaskExecutor executor;
    private final PastedImages pastedImages;
    private final Path logDir;
    private final ResultViewModel result = new ResultViewModel();
    private final ModelRemoval modelRemoval;

    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>(this, "currentFile");
    private final ReadOnlyObjectWrapper<DisplayPicture> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyStringWrapper pictureMessage = new ReadOnlyStringWrapper(this, "pictureMessage",
            "Drop a photo here\nor File > Open… (Ctrl+O), or paste one (Ctrl+V)");
    private final DropHints dropHints = new DropHints();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Starting…");
    private final ReadOnlyStringWrapper lastAnalysisText = new ReadOnlyStringWrapper(this, "lastAnalysisText",
            "Last analysis: none");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Haski Desktop");
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canSaveResult = new ReadOnlyBooleanWrapper(this, "canSaveResult");
    private final ReadOnlyBooleanWrapper canCopyResult = new ReadOnlyBooleanWrapper(this, "canCopyResult");
    private final PhotoSequence sequence = new PhotoSequence(currentFile, this::open);
    private final RegionSelectionViewModel region = new RegionSelectionViewModel(picture.getReadOnlyProperty(),
            result.outcomeProperty());
    /** The shown photo's decode for the screen, and its analysis: a newer photo or model cancels the older. */
    private final LatestWins decode;
    private final LatestWins analysis;
    /** A photo was opened while a model loaded: it is analysed once the load ends. */
    private boolean analysisWaiting;
    /** The model the shown photo's latest analysis was asked of; a switch to another re-analyses. */
    private Analyzer requestedFrom;

    /** Shows the Add model dialog for its ViewModel; the view sets it, since only a view makes windows. */
    private Consumer<AddModelViewModel> addModelWindow = dialog -> { };

    /**
     * @param activeModel the model photos are analysed with ({@code models} in the app; a double in tests)
     * @param models      the pickers and the status line's model texts
     * @param notices     made before every ViewModel; this window shows its current notice
     * @param executor    the interactive lane: decoding, analysing and saving what the user waits for
     */
    public MainViewModel(ActiveModelService activeModel, ModelsViewModel models, ModelManagerViewModel modelManager,
            SessionViewModel session, NoticeBoard notices, DialogService dialogs, TextClipboard clipboard,
            DisplayDecoder displayDecoder, TaskExecutor executor, Path pasteFolder, Path logDir) {
        this.activeModel = activeModel;
        this.models = models;
        this.modelManager = modelManager;
        this.session = session;
        this.notices = notices;
        this.dialogs = dialogs;
        this.clipboard = clipboard;
        this.displayDecoder = displayDecoder;
        this.executor = executor;
        this.pastedImages = new PastedImages(pasteFolder);
        this.logDir = logDir;
        this.modelRemoval = new ModelRemoval(modelManager, dialogs, notices);
        this.decode = new LatestWins(executor);
        this.analysis = new LatestWins(executor);
        canSaveResult.bind(result.outcomeProperty().isNotNull());
        canCopyResult.bind(result.outcomeProperty().isNotNull());
        region.setOnChange(() -> Optional.ofNullable(currentFile.get()).ifPresent(this::requestAnalysis));
        busy.bind(running.greaterThan(0).or(Bindings.createBooleanBinding(() -> activeModel.state().loading(),
                activeModel.stateProperty())));
        activeModel.stateProperty().addListener((obs, old, now) -> {
            if (old.loading() != now.loading()) {
                showModelStatus(now);
            }
            if (!now.loading()) {
                analyseAfterLoad(now);
            }
        });
    }

    private void showModelStatus(ActiveModelState now) {
        // A re-analysis after a switch, if any, replaces this right away with its own status.
        if (now.loading()) {
            statusText.set("Loading and checking the model…");
        } else if (now.analyzer().isEmpty()) {
            statusText.set("No model: photos cannot be analysed");
        } else if (currentFile.get() == null) {
            statusText.set("Ready: drop, open or paste a photo");
        } else {
            statusText.set("Ready: " + models.modelTextProperty().get() + " is active");
        }
    }

    /** A photo that waited for the load is analysed now; after a switch, the shown one again, with the new model. */
    private void analyseAfterLoad(ActiveModelState now) {
        Path file = currentFile.get();
        if (file != null && (analysisWaiting || now.analyzer().filter(a -> a != requestedFrom).isPresent())) {
            requestAnalysis(file);
        }
    }

    /** Shows a notice in this window, as every other part does through the board. */
    public void post(Notice shown) {
        notices.post(shown);
    }

    // ---- opening photos -------------------------------------------------------------------------------------

    /** Shows and analyses a photo: decoding for the screen and the analysis both run in the background. */
    public void open(Path file) {
        currentFile.set(file);
        title.set(nameOf(file) + " · Haski Desktop");
        picture.set(null);
        pictureMessage.set("Loading " + nameOf(file) + "…");
        result.showPlaceholder(activeModel.state().loading() ? "Waiting for the model to finish loading…"
                : "Analysing " + nameOf(file) + "…");
        statusText.set("Opening " + nameOf(file) + "…");
        decode.submit(tracked(BackgroundTask.of("decode for display " + nameOf(file),
                () -> displayDecoder.decode(file))
                .onSuccess(shown -> {
                    picture.set(shown);
                    pictureMessage.set("");
                })
                .onFailure(error -> pictureMessage.set(userMessage(error)))));
        requestAnalysis(file);
    }

    /** Analyses {@code file} with the active model; while one loads, the end of the load asks again. */
    private void requestAnalysis(Path file) {
        analysis.cancel();
        ActiveModelState state = activeModel.state();
        analysisWaiting = state.loading();
        if (analysisWaiting) {
            return;
        }
        if (state.analyzer().isEmpty()) {
            requestedFrom = null;
            result.showMessage(file, "This photo cannot be analysed: no model is active ("
                    + state.noModelReason().orElse("none loaded") + ").");
            statusText.set("No model: " + nameOf(file) + " was not analysed");
            return;
        }
        Analyzer analyzer = state.analyzer().get();
        requestedFrom = analyzer;
        // From here, not from the drop: a photo dropped while the model loads waits for it, and the app's target
        // (a dropped photo's result on screen within 300 ms) is counted from a loaded model.
        long requestedNanos = System.nanoTime();
        AnalysisOutcome shown = result.outcomeProperty().get();
        if (shown != null && shown.file().equals(file)) {
            // Re-analysis after a model switch: the current result stays until the new one replaces it.
            statusText.set("Analysing " + nameOf(file) + " again with " + analyzer.provenance().modelId() + "…");
        } else {
            result.showPlaceholder("Analysing " + nameOf(file) + " with " + analyzer.provenance().modelId() + "…");
            statusText.set("Analysing " + nameOf(file) + "…");
        }
        analysis.submit(tracked(BackgroundTask.of("analyse " + nameOf(file),
                region.analysis(analyzer, file))
                .onSuccess(outcome -> {
                    showOutcome(outcome);
                    LOG.info("Result shown: file={} {} ms after the request, model ready", nameOf(file),
                            (System.nanoTime() - requestedNanos) / 1_000_000);
                })
                .onFailure(error -> {
                    LOG.error("Analysis of {} failed unexpectedly", nameOf(file), error);
                    result.showMessage(file, "The analysis failed unexpectedly (" + error
                            + "). The log has the details: Help > Open log folder.");
                })));
    }

    private void showOutcome(AnalysisOutcome outcome) {
        result.show(outcome);
        if (outcome instanceof Analysis analysis) {
            String total = String.format(Locale.ROOT, "%.0f ms", analysis.timings().totalMs());
            lastAnalysisText.set("Last analysis: " + total);
            statusText.set("Analysed " + nameOf(outcome.file()) + " with " + analysis.provenance().modelId() + " ("
                    + analysis.provenance().format() + ") in " + total);
        } else {
            statusText.set(nameOf(outcome.file()) + " could not be analysed");
        }
    }

    // ---- drag and drop, paste ------------------------------------------------------------------------------

    @Override
    public DropVerdict dragOver(DropContent content) {
        return dropHints.judge(content);
    }

    @Override
    public void dragEnded() {
        dropHints.clear();
    }

    /**
     * Uses what was dropped or pasted. Call after the drop event has returned: the file manager that started the
     * drag waits for that, and must not wait for us.
     *
     * @param image the offered image's pixels, used only when no file is offered
     */
    @Override
    public void use(DropContent content, Optional<ArgbPixels> image, String how) {
        dragEnded();
        DropVerdict verdict = DropCheck.check(content);
        if (!verdict.accepted()) {
            post(Notice.warning(verdict.message()));
            return;
        }
        if (verdict.kind() == DropVerdict.Kind.MODEL_PACKAGE) {
            modelManager.install(verdict.file().get());
        } else if (verdict.kind() == DropVerdict.Kind.MODEL_FILE) {
            openAddModel(List.of(verdict.file().get()));
        } else if (verdict.folder()) {
            session.openFolder(verdict.file().get());
        } else if (verdict.file().isPresent()) {
            open(verdict.file().get());
        } else if (image.isPresent()) {
            useImage(image.get(), how);
        } else {
            post(Notice.warning("The " + how + " image could not be read. Save it as a file and open that."));
        }
    }

    private void useImage(ArgbPixels pixels, String how) {
        executor.execute(tracked(BackgroundTask.of("save " + how + " image", () -> pastedImages.save(pixels))
                .onSuccess(file -> {
                    post(Notice.info("The " + how + " image was saved as " + file + " and is analysed from there."));
                    open(file);
                })
                .onFailure(error -> post(Notice.error("The " + how + " image could not be saved for analysis: "
                        + userMessage(error) + ". Save it as a file yourself and open that.")))));
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** File > Open photo…: asks for a photo, starting in the shown photo's folder, and opens it. */
    public void openPhoto() {
        // Chosen on purpose, so the decoder, not the file name, decides whether it is a photo.
        dialogs.chooseFileToOpen("Open a photo", FileTypes.PHOTOS, suggestedResultFolder()).ifPresent(this::open);
    }

    /** File > Open folder…: asks for a folder and opens it as a review session. */
    public void openFolder() {
        dialogs.chooseFolder("Open a folder of photos as a review session").ifPresent(session::openFolder);
    }

    /** File > Save result…: asks where, then writes the shown result as JSON. */
    public void saveResultAs() {
        if (resultJson().isEmpty()) {
            post(Notice.warning("There is no result to save yet: open a photo first."));
            return;
        }
        dialogs.chooseFileToSave("Save the result as JSON", suggestedResultName(), FileTypes.JSON,
                suggestedResultFolder()).ifPresent(target -> saveResult(target.file()));
    }

    /** File > Copy result as JSON: the shown result goes to the clipboard as the command line writes it. */
    public void copyResult() {
        Optional<String> json = resultJson();
        if (json.isEmpty()) {
            post(Notice.warning("There is no result to copy yet: open a photo first."));
            return;
        }
        clipboard.putText(json.get());
        post(Notice.info("The result was copied as JSON, exactly as the command line writes it."));
    }

    /** Model > Add model…: opens the Add model dialog, empty. */
    public void addModel() {
        openAddModel(List.of());
    }

    /** Opens the Add model dialog, prefilled with {@code files} (e.g. a dropped .onnx). */
    private void openAddModel(List<Path> files) {
        addModelWindow.accept(modelManager.newAddModel(files));
    }

    /** Model > Remove…: asks which of the user's models, confirms, then removes it. */
    public void removeModel() {
        modelRemoval.run();
    }

    /** Help > About. */
    public void about() {
        dialogs.showInformation("About Haski Desktop", "Haski Desktop", UserTexts.about(models.runtimeSummary(),
                models.modelTextProperty().get(), logDir));
    }

    /** Help > Keyboard shortcuts. */
    public void keyboardShortcuts() {
        dialogs.showColumns("Keyboard shortcuts", "Reviewing a session with the keyboard", SessionKeys.asText());
    }

    /** True while a result (or a failure) is shown, so File > Save result… has something to write. */
    public ReadOnlyBooleanProperty canSaveResultProperty() {
        return canSaveResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCopyResultProperty() {
        return canCopyResult.getReadOnlyProperty();
    }

    // ---- results ---------------------------------------------------------------------------------------------

    /** The shown result as JSON, exactly as the command line writes it. */
    public Optional<String> resultJson() {
        return result.json();
    }

    /** A file name for "Save result": the photo's name with {@code .haski.json}. */
    public String suggestedResultName() {
        return ResultFiles.suggestedName(Optional.ofNullable(currentFile.get()));
    }

    /** Where "Save result" starts: the photo's folder. */
    public Optional<Path> suggestedResultFolder() {
        return ResultFiles.suggestedFolder(Optional.ofNullable(currentFile.get()));
    }

    /** Writes the shown result to {@code target} atomically, in the background, and reports how it went. */
    public void saveResult(Path target) {
        Optional<String> json = resultJson();
        if (json.isEmpty()) {
            post(Notice.warning("There is no result to save yet: open a photo first."));
            return;
        }
        byte[] bytes = (json.get() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        executor.execute(tracked(BackgroundTask.of("save result", () -> {
            AtomicFiles.write(target, bytes);
            return target;
        }).onSuccess(saved -> {
            statusText.set("Result saved to " + saved);
            post(Notice.info("Result saved to " + saved));
        }).onFailure(error -> post(Notice.error("The result could not be saved to " + target + ": "
                + userMessage(error) + ". Choose another folder, or free some disk space, and save again.")))));
    }

    /** Opens the folder of the log files in the file manager, or says where it is. */
    public void openLogFolder() {
        executor.execute(tracked(BackgroundTask.of("open log folder", () -> {
            FolderOpener.open(logDir);
            return logDir;
        }).onSuccess(opened -> statusText.set("Opened the log folder " + opened))
                .onFailure(error -> post(Notice.warning("The log folder is " + logDir.toAbsolutePath()
                        + " (it could not be shown in a file manager: " + userMessage(error) + ").")))));
    }

    public void dismissNotice() {
        notices.dismiss();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private <T> BackgroundTask<T> tracked(BackgroundTask<T> task) {
        return task.onRunning(() -> running.set(running.get() + 1))
                .onFinished(() -> running.set(running.get() - 1));
    }

    /** The window shows the session (true) or the single photo; the title says which. */
    public void sessionShown(boolean shown) {
        if (shown && session.sessionProperty().get() != null) {
            title.set(nameOf(session.sessionProperty().get().root()) + " (session) · Haski Desktop");
        } else if (currentFile.get() != null) {
            title.set(nameOf(currentFile.get()) + " · Haski Desktop");
        }
    }

    /** The folder review session shown in place of the single photo once a folder is opened. */
    public SessionViewModel session() {
        return session;
    }

    public ModelsViewModel models() {
        return models;
    }

    /** Several photos given at launch, stepped through with Next and Previous. */
    public PhotoSequence sequence() {
        return sequence;
    }

    /** Add, remove and show the user's own model packages. */
    public ModelManagerViewModel modelManager() {
        return modelManager;
    }

    /** Shows the Add model dialog (empty, or prefilled with a dropped .onnx or .tflite file); the view sets it. */
    public void setAddModelWindow(Consumer<AddModelViewModel> window) {
        addModelWindow = window;
    }

    public RegionSelectionViewModel region() {
        return region;
    }

    public ResultViewModel result() {
        return result;
    }

    public ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    /** The photo decoded for display; null while none is shown. */
    public ReadOnlyObjectProperty<DisplayPicture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** What the photo area says when it shows no photo: how to add one, loading, or why it cannot be shown. */
    public ReadOnlyStringProperty pictureMessageProperty() {
        return pictureMessage.getReadOnlyProperty();
    }

    /** While something is dragged over the window: what a drop would do, or why it is refused. */
    public ReadOnlyStringProperty dropHintProperty() {
        return dropHints.textProperty();
    }

    public ReadOnlyBooleanProperty dropHintRefusalProperty() {
        return dropHints.refusalProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** E.g. "Last analysis: 85 ms". */
    public ReadOnlyStringProperty lastAnalysisTextProperty() {
        return lastAnalysisText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** True while any background work runs: decoding, analysing, loading a model, saving. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The message shown until dismissed or replaced; null when none. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notices.currentProperty();
    }
}
