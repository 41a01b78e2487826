package ai.haski.desktop.ui.models;

import ai.haski.desktop.catalog.FormatFacts;
import ai.haski.desktop.catalog.ImportResult;
import ai.haski.desktop.catalog.ImportProposal;
import ai.haski.desktop.catalog.ImportException;
import ai.haski.desktop.catalog.ImportProblem;
import ai.haski.desktop.catalog.ImportRequest;
import ai.haski.desktop.catalog.ImportWording;
import ai.haski.desktop.catalog.ModelImporter;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.Debouncer;
import ai.haski.desktop.ui.task.LatestWins;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Add model dialog's state: the chosen weights files, what the runtimes found in them, the fields a user may
 * set, and the importer's problems per field, proposed again after every change. The proposal and the import both
 * run {@link ModelImporter} (the code behind {@code models import}) in the background; this class only gathers the
 * request and shows the answer. Called on the UI thread.
 */
public final class AddModelViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AddModelViewModel.class);

    /** Where the heads come from: the model's default (Haski layout), a labels file, or typed in the dialog. */
    public enum HeadsSource {
        DEFAULT, FILE, TYPED
    }

    private final Supplier<ModelImporter> importers;
    private final Path scratchDir;
    private final TaskExecutor executor;
    private final Consumer<Imported> onImported;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty version = new SimpleStringProperty(this, "version", "1.0.0");
    private final StringProperty licence = new SimpleStringProperty(this, "licence", "");
    private final ObjectProperty<Path> labelsFile = new SimpleObjectProperty<>(this, "labelsFile");
    private final StringProperty headsText = new SimpleStringProperty(this, "headsText", "");
    private final ObjectProperty<HeadsSource> headsSource = new SimpleObjectProperty<>(this, "headsSource",
            HeadsSource.DEFAULT);
    private final StringProperty width = new SimpleStringProperty(this, "width", "");
    private final StringProperty height = new SimpleStringProperty(this, "height", "");
    private final ObjectProperty<TensorLayout> layout = new SimpleObjectProperty<>(this, "layout");
    private final StringProperty mean = new SimpleStringProperty(this, "mean", "");
    private final StringProperty std = new SimpleStringProperty(this, "std", "");
    private final ObjectProperty<Path> sample = new SimpleObjectProperty<>(this, "sample");
    private final BooleanProperty makeActive = new SimpleBooleanProperty(this, "makeActive", true);

    private final Map<Field, ReadOnlyStringWrapper> problems = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper tensorsText = new ReadOnlyStringWrapper(this, "tensorsText", "");
    private final ReadOnlyStringWrapper proposedInput = new ReadOnlyStringWrapper(this, "proposedInput", "");
    private final ReadOnlyStringWrapper proposedWidth = new ReadOnlyStringWrapper(this, "proposedWidth", "");
    private final ReadOnlyStringWrapper proposedHeight = new ReadOnlyStringWrapper(this, "proposedHeight", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText",
            "Choose the model's .onnx and/or .tflite file.");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText", "");
    private final ReadOnlyBooleanWrapper proposing = new ReadOnlyBooleanWrapper(this, "proposing");
    /** A field changed and its check waits for the typing to pause. */
    private final ReadOnlyBooleanWrapper changeWaiting = new ReadOnlyBooleanWrapper(this, "changeWaiting");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(this, "canImport");
    private final ReadOnlyBooleanWrapper imported = new ReadOnlyBooleanWrapper(this, "imported");

    /** Typing pauses this long before the form is proposed again: a proposal reads the whole model. */
    static final Duration TYPING_PAUSE = Duration.ofMillis(250);
    private final Debouncer typing;
    /** The proposal for the form as it is now; one for an older state is cancelled and its result dropped. */
    private final LatestWins proposals;
    /** Numbers the drafts, so that each typed-heads file has a folder of its own. */
    private long drafts;
    /** True while the ViewModel itself fills the heads, so that this is not taken as the user's typing. */
    private boolean fillingHeads;
    private String autoId = "";
    private String autoName = "";
    private List<FormatFacts> lastFacts = List.of();
    private List<Path> lastFactsFiles = List.of();

    /** What a finished import hands back: the result, and whether the user wants it active now. */
    public record Imported(ImportResult result, boolean makeActive) {}

    /** The dialog's fields a problem can be shown beside. */
    public enum Field {
        FILES, ID, NAME, VERSION, LABELS, INPUT, SAMPLE, OTHER
    }

    /**
     * @param importers   a fresh importer for each proposal, over the registry as it is then
     * @param scratchDir  where typed heads are written as a labels file for the importer
     * @param onImported  called on the UI thread after a package was written and proved
     */
    public AddModelViewModel(Supplier<ModelImporter> importers, Path scratchDir, TaskExecutor executor,
            Consumer<Imported> onImported) {
        this.importers = importers;
        this.scratchDir = scratchDir;
        this.executor = executor;
        this.onImported = onImported;
        this.typing = new Debouncer(executor, TYPING_PAUSE);
        this.proposals = new LatestWins(executor);
        for (Field field : Field.values()) {
            problems.put(field, new ReadOnlyStringWrapper(this, "problem" + field, ""));
        }
        files.addListener((Observable o) -> filesChanged());
        headsText.addListener((obs, old, now) -> {
            if (!fillingHeads) {
                labelsFile.set(null);
                headsSource.set(now.isBlank() ? HeadsSource.DEFAULT : HeadsSource.TYPED);
            }
        });
        // Change listeners, in this order: the heads' source is settled (above) before the proposal reads it.
        for (ObservableValue<?> input : List.<ObservableValue<?>>of(id, name, version, licence, labelsFile, headsText,
                width, height, layout, mean, std, sample)) {
            input.addListener((obs, old, now) -> {
                // Heads filled in from the proposal itself need no second proposal.
                if (fillingHeads) {
                    return;
                }
                // Import waits for the change to be checked, as it waits for a proposal that is running.
                changeWaiting.set(true);
                typing.submit(this::propose);
            });
        }
        canImport.bind(valid.and(changeWaiting.not()).and(proposing.not()).and(importing.not())
                .and(imported.not()));
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Sets the weights files (one .onnx and/or one .tflite of the same network). */
    public void chooseFiles(List<Path> chosen) {
        files.setAll(chosen);
    }

    /** Takes the heads from a labels file (either form of {@code models/README.md}). */
    public void chooseLabelsFile(Path file) {
        fillHeads("");
        headsSource.set(HeadsSource.FILE);
        labelsFile.set(file);
    }

    /** Proposes the package for the fields as they are now, in the background; the latest state always wins. */
    public void propose() {
        typing.cancel();
        changeWaiting.set(false);
        imported.set(false);
        resultText.set("");
        if (files.isEmpty()) {
            stopProposal();
            clearProblems();
            valid.set(false);
            tensorsText.set("");
            statusText.set("Choose the model's .onnx and/or .tflite file.");
            return;
        }
        startProposal();
    }

    private void stopProposal() {
        proposals.cancel();
        proposing.set(false);
    }

    private void startProposal() {
        ImportDraft draft;
        try {
            draft = draft(++drafts);
        } catch (ImportDraft.FieldProblem e) {
            stopProposal();
            clearProblems();
            problems.get(e.field()).set(e.getMessage());
            valid.set(false);
            statusText.set("Fix the field marked in red to go on.");
            return;
        }
        proposing.set(true);
        statusText.set("Reading the model and checking the proposed package…");
        BackgroundTask<ImportProposal> task = BackgroundTask.of("propose model import",
                () -> draft.run(importers.get()::propose));
        proposals.submit(task
                .onSuccess(this::show)
                .onFailure(error -> {
                    LOG.warn("Import proposal failed", error);
                    clearProblems();
                    problems.get(Field.OTHER).set("The model could not be read: " + error);
                    valid.set(false);
                    statusText.set("The model could not be read.");
                })
                .onFinished(() -> {
                    if (proposals.isLatest(task)) {
                        proposing.set(false);
                    }
                }));
    }

    /** Writes the package and proves it (the importer's self-check), in the background. */
    public void importModel() {
        // A change still waiting for its pause is proposed first: Import acts on the form as it is now.
        typing.flush();
        if (!canImport.get()) {
            return;
        }
        ImportDraft draft;
        try {
            draft = draft(++drafts);
        } catch (ImportDraft.FieldProblem e) {
            problems.get(e.field()).set(e.getMessage());
            return;
        }
        importing.set(true);
        statusText.set("Importing: writing the package and running its self-check…");
        executor.execute(BackgroundTask.of("import model", () -> draft.run(request -> importers.get()
                .importModel(request))).onSuccess(result -> {
            imported.set(true);
            resultText.set(ImportTexts.describe(result));
            statusText.set("Imported " + result.modelPackage().id() + ": self-check passed.");
            onImported.accept(new Imported(result, makeActive.get()));
        }).onFailure(error -> {
            LOG.warn("Import failed: {}", error.toString());
            if (error instanceof ImportException refused && !refused.problems().isEmpty()) {
                Optional<Path> typed = headsSource.get() == HeadsSource.TYPED ? draft.request().labels()
                        : Optional.empty();
                showProblems(refused.problems(), ImportTexts.wording(typed));
            } else {
                problems.get(Field.OTHER).set(error.getMessage() == null ? error.toString() : error.getMessage());
            }
            resultText.set("");
            statusText.set("The import failed; nothing was written. Fix the marked field and import again.");
        }).onFinished(() -> importing.set(false)));
    }

    // ---- the proposal ----------------------------------------------------------------------------------------

    private void show(ImportProposal proposal) {
        List<FormatFacts> facts = proposal.formats();
        // A proposal that stopped before loading (e.g. an id in use) found no tensors; the files are the same.
        if (facts.isEmpty() && lastFactsFiles.equals(List.copyOf(files))) {
            facts = lastFacts;
        } else {
            lastFacts = facts;
            lastFactsFiles = List.copyOf(files);
        }
        tensorsText.set(ImportTexts.tensors(facts));
        Optional<Path> typed = headsSource.get() == HeadsSource.TYPED ? proposal.request().labels() : Optional.empty();
        showProblems(proposal.problems(), ImportTexts.wording(typed));
        valid.set(proposal.isValid());
        Optional<ModelManifest> manifest = proposal.manifest();
        manifest.ifPresent(m -> {
            proposedWidth.set(String.valueOf(m.input().width()));
            proposedHeight.set(String.valueOf(m.input().height()));
            proposedInput.set(String.format(Locale.ROOT, "%s %d x %d, %s, mean %s, std %s", m.input().name(),
                    m.input().width(), m.input().height(), m.input().layout(), ImportTexts.floats(m.input().mean()),
                    ImportTexts.floats(m.input().std())));
            if (headsSource.get() != HeadsSource.TYPED) {
                fillHeads(HeadsText.of(m.heads()));
            }
        });
        statusText.set(proposal.isValid() ? "Ready to import into " + proposal.target() + "."
                : "Fix the " + (proposal.problems().size() == 1 ? "problem" : proposal.problems().size()
                + " problems") + " marked in red to import.");
    }

    private void showProblems(List<ImportProblem> found, ImportWording wording) {
        clearProblems();
        for (ImportProblem problem : found) {
            ReadOnlyStringWrapper text = problems.get(fieldOf(problem.field()));
            String message = wording.describe(problem);
            text.set(text.get().isEmpty() ? message : text.get() + "\n" + message);
        }
    }

    private void clearProblems() {
        problems.values().forEach(p -> p.set(""));
    }

    /** Puts each importer field next to the control that changes it. */
    static Field fieldOf(String field) {
        if (field.equals("files") || field.startsWith("weights") || field.equals("input")
                || field.startsWith("outputs")) {
            return Field.FILES;
        }
        if (field.equals("id")) {
            return Field.ID;
        }
        if (field.equals("name")) {
            return Field.NAME;
        }
        if (field.equals("version")) {
            return Field.VERSION;
        }
        if (field.equals("labels") || field.startsWith("heads")) {
            return Field.LABELS;
        }
        if (field.startsWith("input.")) {
            return Field.INPUT;
        }
        if (field.equals("sample")) {
            return Field.SAMPLE;
        }
        return Field.OTHER;
    }

    private void fillHeads(String text) {
        fillingHeads = true;
        try {
            headsText.set(text);
        } finally {
            fillingHeads = false;
        }
    }

    private void filesChanged() {
        if (!files.isEmpty()) {
            Path first = files.get(0);
            String proposedId = ModelImporter.defaultId(first);
            String fileName = first.getFileName().toString();
            String proposedName = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
            // Follow the file only while the user has not typed an id or name of their own.
            if (id.get().isBlank() || id.get().equals(autoId)) {
                id.set(proposedId);
            }
            if (name.get().isBlank() || name.get().equals(autoName)) {
                name.set(proposedName);
            }
            autoId = proposedId;
            autoName = proposedName;
        }
        propose();
    }

    // ---- the request -----------------------------------------------------------------------------------------

    private ImportDraft draft(long mine) throws ImportDraft.FieldProblem {
        ImportRequest request = ImportRequest.of(List.copyOf(files))
                .id(blankToNull(id.get()))
                .name(blankToNull(name.get()))
                .version(blankToNull(version.get()))
                .licence(blankToNull(licence.get()))
                .sample(sample.get())
                .layout(layout.get());
        Optional<Integer> w = size(width.get(), "width");
        Optional<Integer> h = size(height.get(), "height");
        if (w.isPresent() != h.isPresent()) {
            throw new ImportDraft.FieldProblem(Field.INPUT, "Give both the width and the height, or neither (the model's own)");
        }
        if (w.isPresent()) {
            request.size(w.get(), h.get());
        }
        Optional<float[]> m = channels(mean.get(), "mean");
        Optional<float[]> s = channels(std.get(), "std");
        if (m.isPresent() != s.isPresent()) {
            throw new ImportDraft.FieldProblem(Field.INPUT, "Give both the mean and the std, or neither (ImageNet's)");
        }
        if (m.isPresent()) {
            request.normalisation(m.get(), s.get());
        }
        Optional<Map<String, List<String>>> typed = Optional.empty();
        Path typedFile = null;
        if (headsSource.get() == HeadsSource.TYPED) {
            try {
                typed = Optional.of(HeadsText.parse(headsText.get()));
            } catch (HeadsText.Malformed e) {
                throw new ImportDraft.FieldProblem(Field.LABELS, e.getMessage());
            }
            // One folder per draft: a proposal and an import may be in flight at once.
            typedFile = scratchDir.resolve("draft-" + mine + "-" + System.nanoTime()).resolve("labels.json");
            request.labels(typedFile);
        } else if (headsSource.get() == HeadsSource.FILE && labelsFile.get() != null) {
            request.labels(labelsFile.get());
        }
        return new ImportDraft(request, typed, typedFile);
    }

    private static Optional<Integer> size(String text, String what) throws ImportDraft.FieldProblem {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new ImportDraft.FieldProblem(Field.INPUT, "The " + what + " must be a whole number of pixels, found \""
                    + text.strip() + "\"");
        }
    }

    private static Optional<float[]> channels(String text, String what) throws ImportDraft.FieldProblem {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.split("[,\\s]+");
        List<Float> values = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                values.add(Float.parseFloat(part));
            } catch (NumberFormatException e) {
                throw new ImportDraft.FieldProblem(Field.INPUT, "The " + what + " must be numbers such as 0.5, 0.5, 0.5; found \""
                        + part + "\"");
            }
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return Optional.of(array);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ObservableList<Path> files() { return files; }
    public StringProperty idProperty() { return id; }
    public StringProperty nameProperty() { return name; }
    public StringProperty versionProperty() { return version; }
    public StringProperty licenceProperty() { return licence; }
    /** The labels file in use; null when the heads are the model's default or typed. */
    public ObjectProperty<Path> labelsFileProperty() { return labelsFile; }
    /** One head a line, {@code name: label, label}; typing here replaces a labels file. */
    public StringProperty headsTextProperty() { return headsText; }
    public ObjectProperty<HeadsSource> headsSourceProperty() { return headsSource; }
    /** Blank: the model's own size. */
    public StringProperty widthProperty() { return width; }
    public StringProperty heightProperty() { return height; }
    /** Null: from the input's shape. */
    public ObjectProperty<TensorLayout> layoutProperty() { return layout; }
    /** Blank: ImageNet's. */
    public StringProperty meanProperty() { return mean; }
    public StringProperty stdProperty() { return std; }
    /** Null: the bundled reference test image. */
    public ObjectProperty<Path> sampleProperty() { return sample; }
    public BooleanProperty makeActiveProperty() { return makeActive; }

    /** The importer's problem(s) for a field, one a line; empty when it has none. */
    public ReadOnlyStringProperty problemProperty(Field field) { return problems.get(field).getReadOnlyProperty(); }
    /** The inputs and outputs each runtime found: names, shapes, types, quantisation. */
    public ReadOnlyStringProperty tensorsTextProperty() { return tensorsText.getReadOnlyProperty(); }
    /** The proposed input: name, size, layout, normalisation. */
    public ReadOnlyStringProperty proposedInputProperty() { return proposedInput.getReadOnlyProperty(); }
    public ReadOnlyStringProperty proposedWidthProperty() { return proposedWidth.getReadOnlyProperty(); }
    public ReadOnlyStringProperty proposedHeightProperty() { return proposedHeight.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }
    /** After an import: the self-check's figures and where the package went. */
    public ReadOnlyStringProperty resultTextProperty() { return resultText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty proposingProperty() { return proposing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty importingProperty() { return importing.getReadOnlyProperty(); }
    /** The latest proposal has no problem. */
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    /** Valid, and nothing running: the Import button's state. */
    public ReadOnlyBooleanProperty canImportProperty() { return canImport.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty importedProperty() { return imported.getReadOnlyProperty(); }
}
