package ai.haski.desktop.ui.models;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelFacts;
import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.platform.Settings;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active model and the choice of it: lists every package and runtime, loads (and so proves) the chosen one
 * in the background, keeps the previous model when a new one is refused, remembers the choice, and says through
 * {@link #stateProperty()} what the app analyses with, holding analyses back while a model loads.
 */
public final class ModelsViewModel implements ActiveModelService {
    private static final Logger LOG = LoggerFactory.getLogger(ModelsViewModel.class);

    private final Engine engine;
    private final SettingsStore settingsStore;
    private final TaskExecutor executor;
    private final NoticeSink notices;
    private final ThreadBudget threads;

    private final ObservableList<ModelChoice> modelChoices = FXCollections.observableArrayList();
    private final ObservableList<RuntimeChoice> runtimeChoices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ModelChoice> activeModelChoice = new ReadOnlyObjectWrapper<>(this, "activeModelChoice");
    private final ReadOnlyObjectWrapper<RuntimeChoice> activeRuntimeChoice = new ReadOnlyObjectWrapper<>(this, "activeRuntimeChoice");
    private final ReadOnlyObjectWrapper<ActiveModelState> state = new ReadOnlyObjectWrapper<>(this, "state",
            ActiveModelState.starting());
    /** Views of {@link #state}, set only by its listener, for bindings that want one value. */
    private final ReadOnlyObjectWrapper<Analyzer> analyzer = new ReadOnlyObjectWrapper<>(this, "analyzer");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper(this, "modelText", "Model: starting…");
    private final ReadOnlyStringWrapper runtimeText = new ReadOnlyStringWrapper(this, "runtimeText", "");
    private final ReadOnlyObjectWrapper<SelfCheckState> selfCheck = new ReadOnlyObjectWrapper<>(this, "selfCheck", SelfCheckState.NONE);
    private final ReadOnlyStringWrapper selfCheckText = new ReadOnlyStringWrapper(this, "selfCheckText", "Self-check: not run yet");
    private final ReadOnlyStringWrapper selfCheckDetail = new ReadOnlyStringWrapper(this, "selfCheckDetail", "");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");

    private ProbedRuntimes runtimes = ProbedRuntimes.notYet();
    private Settings settings = Settings.DEFAULT;

    /** @param executor the models lane: probing, loading, closing, and saving the choice */
    public ModelsViewModel(Engine engine, SettingsStore settingsStore, TaskExecutor executor, NoticeSink notices,
            ThreadBudget threads) {
        this.engine = engine;
        this.settingsStore = settingsStore;
        this.executor = executor;
        this.notices = notices;
        this.threads = threads;
        // Before anyone else listens: a listener of the state that reads these sees them already updated.
        state.addListener((obs, old, now) -> {
            analyzer.set(now.analyzer().orElse(null));
            loading.set(now.loading());
        });
    }

    /** Probes the runtimes and loads the remembered model (or the default one), all in the background. */
    public void start() {
        settings = settingsStore.load();
        executor.execute(BackgroundTask.of("probe runtimes", () -> ProbedRuntimes.probe(engine)).onSuccess(found -> {
            runtimes = found;
            modelChoices.setAll(ModelChoiceList.of(engine.registry()));
            loadInitialModel();
        }).onFailure(error -> noModel("the runtimes could not be probed: " + error)));
    }

    private void loadInitialModel() {
        List<ModelPackage> packages = engine.registry().packages();
        if (packages.isEmpty()) {
            String reason;
            try {
                engine.choose(Optional.empty());
                reason = "no usable model package";
            } catch (NoUsableModelException e) {
                reason = e.getMessage();
            }
            noModel(reason);
            notices.post(Notice.error("No model can be used, so photos cannot be analysed: " + reason
                    + ". Add one with Model > Add model…, or drop a model package folder on the window."));
            return;
        }
        ModelPackage chosen = packages.get(0);
        Optional<ModelFormat> format = Optional.empty();
        if (settings.modelId().isPresent()) {
            Optional<ModelPackage> remembered = engine.registry().find(settings.modelId().get());
            if (remembered.isPresent()) {
                chosen = remembered.get();
                format = settings.format().flatMap(ModelFormat::fromId)
                        .filter(f -> remembered.get().manifest().weights().containsKey(f));
            } else {
                notices.post(Notice.warning("The model you chose last time, \"" + settings.modelId().get()
                        + "\", is no longer installed; using the default model, " + chosen.manifest().name() + "."));
            }
        }
        load(chosen, format, false);
    }

    /**
     * Switches to a package and runtime the user picked. Does nothing for the model already active or loading, or
     * for a disabled entry.
     */
    public void choose(ModelChoice model, RuntimeChoice runtime) {
        if (model == null || isLoading()) {
            return;
        }
        if (!model.selectable()) {
            notices.post(Notice.warning("The model folder \"" + model.id() + "\" cannot be used: "
                    + model.refusedReason().orElse("it was refused") + "."));
            pointPickersAtActive();
            return;
        }
        Optional<ModelPackage> pkg = engine.registry().find(model.id());
        if (pkg.isEmpty()) {
            return;
        }
        Optional<ModelFormat> format = runtime == null ? Optional.empty() : runtime.format();
        format = format.filter(f -> pkg.get().manifest().weights().containsKey(f));
        Analyzer current = state.get().analyzer().orElse(null);
        if (current != null && current.model().modelPackage().id().equals(model.id())
                && activeRuntimeChoice.get() != null && activeRuntimeChoice.get().format().equals(format)) {
            return;
        }
        load(pkg.get(), format, true);
    }

    /**
     * Reads the model folders again (in the background: manifests are parsed and weights hashed) and updates the
     * picker, after a package was imported, copied in or removed. The active model stays; if its package is gone,
     * the default model is loaded, or the app says that no model is active.
     *
     * @param activate a package to switch to once it is listed (e.g. one just imported); empty to keep the active one
     */
    public void rescan(Optional<String> activate) {
        rescan(activate, registry -> { });
    }

    /** Reads the model folders again on the user's request, and says what was found. */
    public void reload() {
        rescan(Optional.empty(), registry -> notices.post(Notice.info("Model folders read again: "
                + registry.packages().size() + " usable model package(s)" + (registry.refused().isEmpty() ? ""
                : ", " + registry.refused().size() + " refused (the Model menu says why)") + ".")));
    }

    private void rescan(Optional<String> activate, Consumer<ModelRegistry> afterwards) {
        executor.execute(BackgroundTask.of("rescan model folders", engine::rescanModels).onSuccess(registry -> {
            afterwards.accept(registry);
            modelChoices.setAll(ModelChoiceList.of(registry));
            Analyzer current = state.get().analyzer().orElse(null);
            Optional<String> activeId = Optional.ofNullable(current).map(a -> a.model().modelPackage().id());
            if (activeId.isPresent() && registry.find(activeId.get()).isEmpty()) {
                activeRemoved(current, activate);
                return;
            }
            // The rebuilt list holds new (equal) entries: point the picker at the active one again.
            activeModelChoice.set(activeId.map(this::choiceFor).orElse(null));
            activate.map(this::choiceFor).ifPresent(this::chooseModel);
        }).onFailure(error -> notices.post(Notice.error("The model folders could not be read again (" + error
                + "); restart the app to see the change."))));
    }

    /** The active package was removed: its model is closed and another is loaded, or none is active. */
    private void activeRemoved(Analyzer removed, Optional<String> activate) {
        String what = removed.model().manifest().name();
        List<ModelPackage> packages = engine.registry().packages();
        Optional<ModelPackage> next = activate.flatMap(id -> engine.registry().find(id))
                .or(() -> packages.stream().findFirst());
        // The removed model is offered no more, not even while the next one loads, and only then closed.
        state.set(next.isPresent() ? ActiveModelState.starting()
                : new ActiveModelState(Optional.empty(), false, state.get().noModelReason()));
        activeModelChoice.set(null);
        runtimeChoices.clear();
        closeInBackground(removed);
        if (next.isPresent()) {
            notices.post(Notice.info("The active model, " + what + ", was removed; "
                    + next.get().manifest().name() + " is active now."));
            load(next.get(), Optional.empty(), true);
        } else {
            noModel("the active model, " + what + ", was removed and no other model is installed");
            notices.post(Notice.warning("The active model, " + what + ", was removed and no other model is "
                    + "installed, so no model is active: add one with Model > Add model…"));
        }
    }

    /** Switches the active package to another runtime (or back to automatic). */
    public void chooseRuntime(RuntimeChoice runtime) {
        if (runtime == null || isLoading()) {
            return;
        }
        if (!runtime.selectable()) {
            notices.post(Notice.warning(runtime.label() + " cannot be used on this machine: "
                    + runtime.unavailableReason().orElse("it is unavailable") + "."));
            pointPickersAtActive();
            return;
        }
        choose(activeModelChoice.get(), runtime);
    }

    /** Switches to another package in its preferred format. */
    public void chooseModel(ModelChoice model) {
        choose(model, null);
    }

    private void load(ModelPackage pkg, Optional<ModelFormat> format, boolean remember) {
        Analyzer previous = state.get().analyzer().orElse(null);
        String what = pkg.id() + format.map(f -> " (" + f.id() + ")").orElse("");
        state.set(state.get().loadingNext());
        selfCheck.set(SelfCheckState.RUNNING);
        selfCheckText.set("Self-check: running for " + what + "…");
        selfCheckDetail.set("Checking the weights' SHA-256, the tensor shapes and the test vector of " + what);
        executor.execute(BackgroundTask.of("load model " + what, () -> {
            return engine.open(ModelRequest.model(pkg.id()).forcing(format).withThreads(threads));
        }).onSuccess(loaded -> {
            activate(loaded, format);
            if (remember) {
                remember(pkg.id(), format);
            }
            if (previous != null) {
                closeInBackground(previous);
            }
            state.set(ActiveModelState.ready(loaded));
        }).onFailure(error -> {
            String reason = error instanceof ModelUnavailableException || error instanceof NoUsableModelException
                    ? error.getMessage() : "unexpected error: " + error;
            LOG.warn("Model {} refused: {}", what, reason);
            selfCheck.set(SelfCheckState.FAILED);
            selfCheckDetail.set(reason);
            if (previous != null) {
                selfCheckText.set("Self-check failed for " + what + "; " + previous.provenance().modelId()
                        + " stays active");
                notices.post(Notice.error("Model " + what + " was refused, so " + previous.model().describe()
                        + " stays active. Reason: " + reason));
                pointPickersAt(choiceFor(previous.model().modelPackage().id()), activeRuntimeChoice.get(),
                        Optional.empty());
                state.set(ActiveModelState.ready(previous));
            } else {
                selfCheckText.set("Self-check failed for " + what);
                noModel("model " + what + " was refused: " + reason);
                notices.post(Notice.error("Model " + what + " was refused and no other model is active, so photos "
                        + "cannot be analysed. Reason: " + reason + ". Choose another model or runtime."));
            }
        }));
    }

    private void activate(Analyzer loaded, Optional<ModelFormat> forced) {
        ModelFacts model = loaded.model();
        ModelManifest manifest = model.manifest();
        modelText.set(manifest.id() + " " + manifest.version() + " (" + model.format().id() + ")");
        runtimeText.set(model.runtime().describe());
        selfCheck.set(SelfCheckState.PASSED);
        selfCheckText.set("Self-check: passed");
        selfCheckDetail.set(String.format(Locale.ROOT, "%s: SHA-256 %s matches, shapes match, test vector within "
                        + "tolerance (largest difference %.2e)", model.describe(), model.sha256().substring(0, 12),
                model.testVectorDeviation()));
        bannerText.set(manifest.clinicalUse() ? "" : "Not for clinical use: " + manifest.name()
                + " is untrained / not validated; its outputs mean nothing medically.");
        List<RuntimeChoice> runtimesOfModel = runtimes.choicesFor(model.modelPackage());
        pointPickersAt(choiceFor(manifest.id()), runtimesOfModel.stream().filter(c -> c.format().equals(forced))
                .findFirst().orElse(runtimesOfModel.get(0)), Optional.of(runtimesOfModel));
        if (!model.loadNotes().isEmpty()) {
            notices.post(Notice.warning("Model " + manifest.id() + " runs as " + model.format().id()
                    + " because its preferred format failed: " + String.join("; ", model.loadNotes())));
        }
    }

    /** Points the pickers back at the model and runtime really active, e.g. after the user picked a refused one. */
    private void pointPickersAtActive() {
        pointPickersAt(activeModelChoice.get(), activeRuntimeChoice.get(), Optional.empty());
    }

    /**
     * Sets the pickers' values through null: a property set to an equal value tells no listener, so a picker the user
     * just moved, or whose list was just replaced, would keep showing the wrong entry or none.
     *
     * @param runtimeList the active package's runtimes, when they change too
     */
    private void pointPickersAt(ModelChoice model, RuntimeChoice runtime, Optional<List<RuntimeChoice>> runtimeList) {
        activeModelChoice.set(null);
        activeRuntimeChoice.set(null);
        runtimeList.ifPresent(runtimeChoices::setAll);
        activeModelChoice.set(model);
        activeRuntimeChoice.set(runtime);
    }

    private void noModel(String reason) {
        modelText.set("No model");
        runtimeText.set("");
        bannerText.set("");
        if (selfCheck.get() != SelfCheckState.FAILED) {
            selfCheck.set(SelfCheckState.NONE);
            selfCheckText.set("Self-check: no model");
        }
        selfCheckDetail.set(reason);
        state.set(ActiveModelState.none(reason));
    }

    private void remember(String id, Optional<ModelFormat> format) {
        Settings chosen = settings.withModel(id, format.map(ModelFormat::id));
        settings = chosen;
        executor.execute(BackgroundTask.of("save settings", () -> {
            settingsStore.save(chosen);
            return chosen;
        }).onFailure(error -> notices.post(Notice.warning("Your model choice could not be saved to "
                + settingsStore.file() + " (" + describe(error) + "); it applies until the app closes."))));
    }

    private static String describe(Throwable error) {
        return error instanceof IOException && error.getMessage() != null ? error.getMessage() : error.toString();
    }

    /** Analyzer.close waits for runs in flight, so it must never run on the UI thread. */
    private void closeInBackground(Analyzer old) {
        executor.execute(BackgroundTask.of("close model " + old.model().describe(), () -> {
            old.close();
            return old;
        }).onSuccess(closed -> LOG.info("Closed model {}", closed.model().describe())));
    }

    @Override
    public ReadOnlyObjectProperty<ActiveModelState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why no model is active, for messages; empty when one is. The same as {@code state().noModelReason()}. */
    public Optional<String> noModelReason() {
        return state.get().noModelReason();
    }

    /** Closes the active model; for exit, after the executor has stopped. Waits for runs in flight. */
    public void close() {
        Optional<Analyzer> current = state.get().analyzer();
        state.set(ActiveModelState.none("the app is closing"));
        current.ifPresent(Analyzer::close);
    }

    /** Each runtime with its version, or why it cannot load here; for the About box. */
    public String runtimeSummary() {
        return runtimes.summary();
    }

    private ModelChoice choiceFor(String id) {
        return modelChoices.stream().filter(c -> c.id().equals(id) && c.selectable()).findFirst().orElse(null);
    }

    public ObservableList<ModelChoice> modelChoices() {
        return modelChoices;
    }

    /** The runtimes the active package can run on. */
    public ObservableList<RuntimeChoice> runtimeChoices() {
        return runtimeChoices;
    }

    public ReadOnlyObjectProperty<ModelChoice> activeModelChoiceProperty() {
        return activeModelChoice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RuntimeChoice> activeRuntimeChoiceProperty() {
        return activeRuntimeChoice.getReadOnlyProperty();
    }

    /** The analyzer over the active model; null while none is active. A view of {@link #stateProperty()}. */
    public ReadOnlyObjectProperty<Analyzer> analyzerProperty() {
        return analyzer.getReadOnlyProperty();
    }

    /** True while a model loads. A view of {@link #stateProperty()}. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    /** E.g. "haski-reference 1.0.0 (onnx)". */
    public ReadOnlyStringProperty modelTextProperty() {
        return modelText.getReadOnlyProperty();
    }

    /** E.g. "ONNX Runtime 1.23.2". */
    public ReadOnlyStringProperty runtimeTextProperty() {
        return runtimeText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SelfCheckState> selfCheckProperty() {
        return selfCheck.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selfCheckTextProperty() {
        return selfCheckText.getReadOnlyProperty();
    }

    /** What was checked, or why the check failed. */
    public ReadOnlyStringProperty selfCheckDetailProperty() {
        return selfCheckDetail.getReadOnlyProperty();
    }

    /** The not-for-clinical-use warning for the active model; empty when it is validated or none is active. */
    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }
}
