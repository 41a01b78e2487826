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
import ai.haski.desktop.model.RefusedPackage;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.platform.Settings;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * in the background, keeps the previous model when a new one is refused, remembers the choice, and holds analyses
 * back while a model loads.
 */
public final class ModelsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ModelsViewModel.class);

    private final Engine engine;
    private final SettingsStore settingsStore;
    private final TaskExecutor executor;
    private final Consumer<Notice> notices;
    private final ThreadBudget threads;

    private final ObservableList<ModelChoice> modelChoices = FXCollections.observableArrayList();
    private final ObservableList<RuntimeChoice> runtimeChoices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ModelChoice> activeModelChoice = new ReadOnlyObjectWrapper<>(this, "activeModelChoice");
    private final ReadOnlyObjectWrapper<RuntimeChoice> activeRuntimeChoice = new ReadOnlyObjectWrapper<>(this, "activeRuntimeChoice");
    private final ReadOnlyObjectWrapper<Analyzer> analyzer = new ReadOnlyObjectWrapper<>(this, "analyzer");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper(this, "modelText", "Model: starting…");
    private final ReadOnlyStringWrapper runtimeText = new ReadOnlyStringWrapper(this, "runtimeText", "");
    private final ReadOnlyObjectWrapper<SelfCheckState> selfCheck = new ReadOnlyObjectWrapper<>(this, "selfCheck", SelfCheckState.NONE);
    private final ReadOnlyStringWrapper selfCheckText = new ReadOnlyStringWrapper(this, "selfCheckText", "Self-check: not run yet");
    private final ReadOnlyStringWrapper selfCheckDetail = new ReadOnlyStringWrapper(this, "selfCheckDetail", "");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");

    private final Map<ModelFormat, RuntimeStatus> runtimes = new EnumMap<>(ModelFormat.class);
    /** Analyses asked for while a model loads; run (or told there is no model) when the load ends. */
    private final List<Consumer<Optional<Analyzer>>> waiting = new ArrayList<>();
    private final List<Consumer<Analyzer>> modelChangedListeners = new ArrayList<>();
    private Optional<String> noModelReason = Optional.of("the model is still loading");
    private Settings settings = Settings.DEFAULT;

    public ModelsViewModel(Engine engine, SettingsStore settingsStore, TaskExecutor executor,
            Consumer<Notice> notices, ThreadBudget threads) {
        this.engine = engine;
        this.settingsStore = settingsStore;
        this.executor = executor;
        this.notices = notices;
        this.threads = threads;
    }

    /** Probes the runtimes and loads the remembered model (or the default one), all in the background. */
    public void start() {
        settings = settingsStore.load();
        executor.execute(BackgroundTask.of("probe runtimes", () -> {
            Map<ModelFormat, RuntimeStatus> found = new EnumMap<>(ModelFormat.class);
            for (ModelFormat format : ModelFormat.values()) {
                found.put(format, engine.runtime(format));
            }
            return found;
        }).onSuccess(found -> {
            runtimes.putAll(found);
            modelChoices.setAll(buildModelChoices());
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
            notices.accept(Notice.error("No model can be used, so photos cannot be analysed: " + reason
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
                notices.accept(Notice.warning("The model you chose last time, \"" + settings.modelId().get()
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
            notices.accept(Notice.warning("The model folder \"" + model.id() + "\" cannot be used: "
                    + model.refusedReason().orElse("it was refused") + "."));
            // Point the picker back at the model that is really active.
            ModelChoice active = activeModelChoice.get();
            activeModelChoice.set(null);
            activeModelChoice.set(active);
            return;
        }
        Optional<ModelPackage> pkg = engine.registry().find(model.id());
        if (pkg.isEmpty()) {
            return;
        }
        Optional<ModelFormat> format = runtime == null ? Optional.empty() : runtime.format();
        format = format.filter(f -> pkg.get().manifest().weights().containsKey(f));
        Analyzer current = analyzer.get();
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
        rescan(Optional.empty(), registry -> notices.accept(Notice.info("Model folders read again: "
                + registry.packages().size() + " usable model package(s)" + (registry.refused().isEmpty() ? ""
                : ", " + registry.refused().size() + " refused (the Model menu says why)") + ".")));
    }

    private void rescan(Optional<String> activate, Consumer<ModelRegistry> afterwards) {
        executor.execute(BackgroundTask.of("rescan model folders", engine::rescanModels).onSuccess(registry -> {
            afterwards.accept(registry);
            modelChoices.setAll(buildModelChoices());
            Analyzer current = analyzer.get();
            Optional<String> activeId = Optional.ofNullable(current).map(a -> a.model().modelPackage().id());
            if (activeId.isPresent() && registry.find(activeId.get()).isEmpty()) {
                activeRemoved(current, activate);
                return;
            }
            // The rebuilt list holds new (equal) entries: point the picker at the active one again.
            activeModelChoice.set(activeId.map(this::choiceFor).orElse(null));
            activate.map(this::choiceFor).ifPresent(this::chooseModel);
        }).onFailure(error -> notices.accept(Notice.error("The model folders could not be read again (" + error
                + "); restart the app to see the change."))));
    }

    /** The active package was removed: its model is closed and another is loaded, or none is active. */
    private void activeRemoved(Analyzer removed, Optional<String> activate) {
        String what = removed.model().manifest().name();
        analyzer.set(null);
        activeModelChoice.set(null);
        runtimeChoices.clear();
        closeInBackground(removed);
        List<ModelPackage> packages = engine.registry().packages();
        Optional<ModelPackage> next = activate.flatMap(id -> engine.registry().find(id))
                .or(() -> packages.stream().findFirst());
        if (next.isPresent()) {
            notices.accept(Notice.info("The active model, " + what + ", was removed; "
                    + next.get().manifest().name() + " is active now."));
            load(next.get(), Optional.empty(), true);
        } else {
            noModel("the active model, " + what + ", was removed and no other model is installed");
            notices.accept(Notice.warning("The active model, " + what + ", was removed and no other model is "
                    + "installed, so no model is active: add one with Model > Add model…"));
        }
    }

    /** Switches the active package to another runtime (or back to automatic). */
    public void chooseRuntime(RuntimeChoice runtime) {
        if (runtime == null || isLoading()) {
            return;
        }
        if (!runtime.selectable()) {
            notices.accept(Notice.warning(runtime.label() + " cannot be used on this machine: "
                    + runtime.unavailableReason().orElse("it is unavailable") + "."));
            RuntimeChoice active = activeRuntimeChoice.get();
            activeRuntimeChoice.set(null);
            activeRuntimeChoice.set(active);
            return;
        }
        choose(activeModelChoice.get(), runtime);
    }

    /** Switches to another package in its preferred format. */
    public void chooseModel(ModelChoice model) {
        choose(model, null);
    }

    private void load(ModelPackage pkg, Optional<ModelFormat> format, boolean remember) {
        Analyzer previous = analyzer.get();
        String what = pkg.id() + format.map(f -> " (" + f.id() + ")").orElse("");
        loading.set(true);
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
            finishLoading();
        }).onFailure(error -> {
            String reason = error instanceof ModelUnavailableException || error instanceof NoUsableModelException
                    ? error.getMessage() : "unexpected error: " + error;
            LOG.warn("Model {} refused: {}", what, reason);
            selfCheck.set(SelfCheckState.FAILED);
            selfCheckDetail.set(reason);
            if (previous != null) {
                selfCheckText.set("Self-check failed for " + what + "; " + previous.provenance().modelId()
                        + " stays active");
                notices.accept(Notice.error("Model " + what + " was refused, so " + previous.model().describe()
                        + " stays active. Reason: " + reason));
                // Point the pickers back at the model that is really active.
                activeModelChoice.set(null);
                activeModelChoice.set(choiceFor(previous.model().modelPackage().id()));
                RuntimeChoice runtime = activeRuntimeChoice.get();
                activeRuntimeChoice.set(null);
                activeRuntimeChoice.set(runtime);
            } else {
                selfCheckText.set("Self-check failed for " + what);
                noModel("model " + what + " was refused: " + reason);
                notices.accept(Notice.error("Model " + what + " was refused and no other model is active, so photos "
                        + "cannot be analysed. Reason: " + reason + ". Choose another model or runtime."));
            }
            finishLoading();
        }));
    }

    private void activate(Analyzer loaded, Optional<ModelFormat> forced) {
        ModelFacts model = loaded.model();
        ModelManifest manifest = model.manifest();
        analyzer.set(loaded);
        noModelReason = Optional.empty();
        modelText.set(manifest.id() + " " + manifest.version() + " (" + model.format().id() + ")");
        runtimeText.set(model.runtime().describe());
        selfCheck.set(SelfCheckState.PASSED);
        selfCheckText.set("Self-check: passed");
        selfCheckDetail.set(String.format(Locale.ROOT, "%s: SHA-256 %s matches, shapes match, test vector within "
                        + "tolerance (largest difference %.2e)", model.describe(), model.sha256().substring(0, 12),
                model.testVectorDeviation()));
        bannerText.set(manifest.clinicalUse() ? "" : "Not for clinical use: " + manifest.name()
                + " is untrained / not validated; its outputs mean nothing medically.");
        // Through null: the new model's choice may equal the last model's ("Automatic"), and a property set to an
        // equal value tells no listener, so the picker, whose list was just replaced, would stay blank.
        activeRuntimeChoice.set(null);
        runtimeChoices.setAll(buildRuntimeChoices(model.modelPackage()));
        activeModelChoice.set(choiceFor(manifest.id()));
        activeRuntimeChoice.set(runtimeChoices.stream().filter(c -> c.format().equals(forced)).findFirst()
                .orElse(runtimeChoices.get(0)));
        if (!model.loadNotes().isEmpty()) {
            notices.accept(Notice.warning("Model " + manifest.id() + " runs as " + model.format().id()
                    + " because its preferred format failed: " + String.join("; ", model.loadNotes())));
        }
    }

    private void finishLoading() {
        loading.set(false);
        Optional<Analyzer> ready = Optional.ofNullable(analyzer.get());
        List<Consumer<Optional<Analyzer>>> queued = new ArrayList<>(waiting);
        waiting.clear();
        queued.forEach(action -> action.accept(ready));
        ready.ifPresent(current -> List.copyOf(modelChangedListeners).forEach(listener -> listener.accept(current)));
    }

    private void noModel(String reason) {
        noModelReason = Optional.of(reason);
        modelText.set("No model");
        runtimeText.set("");
        bannerText.set("");
        if (selfCheck.get() != SelfCheckState.FAILED) {
            selfCheck.set(SelfCheckState.NONE);
            selfCheckText.set("Self-check: no model");
        }
        selfCheckDetail.set(reason);
        finishLoading();
    }

    private void remember(String id, Optional<ModelFormat> format) {
        Settings chosen = settings.withModel(id, format.map(ModelFormat::id));
        settings = chosen;
        executor.execute(BackgroundTask.of("save settings", () -> {
            settingsStore.save(chosen);
            return chosen;
        }).onFailure(error -> notices.accept(Notice.warning("Your model choice could not be saved to "
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

    /**
     * Runs {@code action} with the active model as soon as no model is loading: now, or when the load ends. It gets
     * an empty value when there is no usable model; {@link #noModelReason()} then says why.
     */
    public void whenReady(Consumer<Optional<Analyzer>> action) {
        if (isLoading()) {
            waiting.add(action);
        } else {
            action.accept(Optional.ofNullable(analyzer.get()));
        }
    }

    /** Called on the UI thread after every successful switch, with the new model, e.g. to re-analyse the photo. */
    public void addModelChangedListener(Consumer<Analyzer> listener) {
        modelChangedListeners.add(listener);
    }

    /** Why no model is active, for messages; empty when one is. */
    public Optional<String> noModelReason() {
        return noModelReason;
    }

    /** Closes the active model; for exit, after the executor has stopped. Waits for runs in flight. */
    public void close() {
        Analyzer current = analyzer.get();
        analyzer.set(null);
        if (current != null) {
            current.close();
        }
    }

    /** Each runtime with its version, or why it cannot load here; for the About box. */
    public String runtimeSummary() {
        if (runtimes.isEmpty()) {
            return "not probed yet";
        }
        return String.join("; ", runtimes.values().stream().map(status -> status.describe()
                + status.unavailableReason().map(reason -> " (unavailable: " + reason + ")").orElse("")).toList());
    }

    private List<ModelChoice> buildModelChoices() {
        List<ModelChoice> choices = new ArrayList<>();
        for (ModelPackage pkg : engine.registry().packages()) {
            ModelManifest manifest = pkg.manifest();
            List<String> facts = new ArrayList<>();
            facts.add(String.join(", ", manifest.weights().keySet().stream().map(ModelFormat::id).toList()));
            facts.add(pkg.source() == ModelPackage.Source.BUNDLED ? "bundled" : "yours");
            if (!manifest.clinicalUse()) {
                facts.add("not for clinical use");
            }
            choices.add(new ModelChoice(pkg.id(), manifest.name() + " " + manifest.version(),
                    String.join(" · ", facts), Optional.empty()));
        }
        for (RefusedPackage refused : engine.registry().refused()) {
            String folder = refused.folder().getFileName() == null ? refused.folder().toString()
                    : refused.folder().getFileName().toString();
            choices.add(new ModelChoice(folder, folder + " (refused)", "refused: " + refused.reason(),
                    Optional.of(refused.reason())));
        }
        return choices;
    }

    private List<RuntimeChoice> buildRuntimeChoices(ModelPackage pkg) {
        List<RuntimeChoice> choices = new ArrayList<>();
        List<ModelFormat> preference = pkg.manifest().backendPreference();
        // "Automatic (prefers ONNX Runtime)": the package's first choice; the others are its fallbacks, in order.
        choices.add(new RuntimeChoice(Optional.empty(), "Automatic (prefers " + runtimeName(preference.get(0)) + ")",
                Optional.empty()));
        for (ModelFormat format : ModelFormat.values()) {
            if (!pkg.manifest().weights().containsKey(format)) {
                continue;
            }
            RuntimeStatus status = runtimes.get(format);
            String label = status == null ? format.id() : status.describe() + " (" + format.id() + ")";
            choices.add(new RuntimeChoice(Optional.of(format), label,
                    status == null ? Optional.empty() : status.unavailableReason()));
        }
        return choices;
    }

    private String runtimeName(ModelFormat format) {
        RuntimeStatus status = runtimes.get(format);
        return status == null ? format.id() : status.runtime();
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

    /** The analyzer over the active model; null while none is active. */
    public ReadOnlyObjectProperty<Analyzer> analyzerProperty() {
        return analyzer.getReadOnlyProperty();
    }

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
