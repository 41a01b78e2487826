package ai.haski.desktop.ui.models;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.catalog.ImportException;
import ai.haski.desktop.catalog.ModelImporter;
import ai.haski.desktop.catalog.PackageInstaller;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The user's own model packages: import one (the Add model dialog), copy a package folder in, remove one, show
 * the folder. Every change is written by the same code as {@code models import} and then the registry is read
 * again, so the picker shows it without a restart. Called on the UI thread; the work runs in the background.
 */
public final class ModelManagerViewModel {
    /** Shows a folder in the file manager; {@code FolderOpener::open} in the app. */
    @FunctionalInterface
    public interface FolderShower {
        void show(Path folder) throws Exception;
    }

    private final Engine engine;
    private final ModelsViewModel models;
    private final TaskExecutor executor;
    private final NoticeSink notices;
    private final FolderShower folderShower;
    private final PackageInstaller installer;
    private final Path scratchDir;

    /** @param scratchDir a cache folder for the dialog's typed labels */
    public ModelManagerViewModel(Engine engine, ModelsViewModel models, TaskExecutor executor,
            NoticeSink notices, FolderShower folderShower, Path scratchDir) {
        this.engine = engine;
        this.models = models;
        this.executor = executor;
        this.notices = notices;
        this.folderShower = folderShower;
        this.installer = engine.catalog().installer();
        this.scratchDir = scratchDir;
    }

    /** The per-user models folder, where imports and copied packages go. */
    public Path modelsFolder() {
        return installer.modelsDir();
    }

    /** A fresh Add model dialog state; {@code files} prefill it (e.g. a dropped .onnx). */
    public AddModelViewModel newAddModel(List<Path> files) {
        AddModelViewModel dialog = new AddModelViewModel(this::importer, scratchDir, executor, imported -> {
            ModelPackage pkg = imported.result().modelPackage();
            notices.post(Notice.info("Model " + pkg.manifest().name() + " (" + pkg.id() + ") was imported into "
                    + imported.result().folder() + " and passed its self-check"
                    + (imported.makeActive() ? "; it is being made the active model." : "; choose it in the Model picker.")));
            models.rescan(imported.makeActive() ? Optional.of(pkg.id()) : Optional.empty());
        });
        if (!files.isEmpty()) {
            dialog.chooseFiles(files);
        }
        return dialog;
    }

    /** The importer of {@code models import}, over the registry as it is now; called in the background. */
    private ModelImporter importer() {
        return engine.catalog().importer(installer.modelsDir());
    }

    /** The packages Remove… may delete: those in the per-user models folder, never the bundled ones. */
    public List<ModelChoice> removableModels() {
        List<String> ids = engine.registry().packages().stream().filter(this::removable).map(ModelPackage::id)
                .toList();
        return models.modelChoices().stream().filter(c -> c.selectable() && ids.contains(c.id())).toList();
    }

    private boolean removable(ModelPackage pkg) {
        return installer.isRemovable(pkg);
    }

    /** Whether removing {@code choice} takes away the model in use, for the confirmation's wording. */
    public boolean isActive(ModelChoice choice) {
        return choice.equals(models.activeModelChoiceProperty().get());
    }

    /** Deletes a user package (the caller has confirmed), then reads the folders again. */
    public void remove(ModelChoice choice) {
        Optional<ModelPackage> pkg = engine.registry().find(choice.id()).filter(this::removable);
        if (pkg.isEmpty()) {
            notices.post(Notice.warning("\"" + choice.id() + "\" is not a model you added, so it is not removed: "
                    + "only packages in " + modelsFolder() + " can be."));
            return;
        }
        executor.execute(BackgroundTask.of("remove model " + choice.id(), () -> {
            installer.remove(pkg.get());
            return pkg.get();
        }).onSuccess(removed -> {
            notices.post(Notice.info("Model " + removed.manifest().name() + " (" + removed.id() + ") was removed "
                    + "from " + modelsFolder() + "."));
            models.rescan(Optional.empty());
        }).onFailure(error -> notices.post(Notice.error("Model " + choice.id() + " could not be removed: "
                + message(error)))));
    }

    /** Copies a dropped package folder into the models folder, after checking it as the registry and self-check do. */
    public void install(Path folder) {
        notices.post(Notice.info("Checking the model package " + folder + "…"));
        executor.execute(BackgroundTask.of("install model package " + folder, () ->
                installer.install(folder, engine.registry())).onSuccess(pkg -> {
                    notices.post(Notice.info("Model " + pkg.manifest().name() + " (" + pkg.id() + ") passed its "
                            + "self-check and was added to " + modelsFolder() + "; choose it in the Model picker."));
                    models.rescan(Optional.empty());
                }).onFailure(error -> notices.post(Notice.error("The model package " + folder
                        + " was not added: " + message(error)))));
    }

    /**
     * Reads the model folders again, for packages added or removed outside the app (a command-line
     * {@code models import}, a folder copied in by hand) while it runs.
     */
    public void reload() {
        models.reload();
    }

    /** Opens the per-user models folder (creating it) in the file manager, or says where it is. */
    public void showFolder() {
        Path folder = modelsFolder();
        executor.execute(BackgroundTask.of("show models folder", () -> {
            Files.createDirectories(folder);
            folderShower.show(folder);
            return folder;
        }).onFailure(error -> notices.post(Notice.warning("Your models folder is " + folder.toAbsolutePath()
                + " (it could not be shown in a file manager: " + message(error) + ")."))));
    }

    private static String message(Throwable error) {
        if (error instanceof ImportException refused && !refused.problems().isEmpty()) {
            return refused.problems().stream().map(ImportTexts::notice).collect(Collectors.joining("; "));
        }
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }
}
