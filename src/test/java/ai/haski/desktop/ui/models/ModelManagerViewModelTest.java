package ai.haski.desktop.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.catalog.TinyOnnx;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.TestModelPackages;
import ai.haski.desktop.ui.UserDataDir;
import ai.haski.desktop.ui.drop.DropContent;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's own models in the running app, without the JavaFX toolkit: import, copy in, remove, and the picker
 * and active model following each change without a restart. Real runtimes, real packages, a folder of its own.
 */
class ModelManagerViewModelTest {
    @TempDir
    Path temp;
    private UserDataDir dataDir;
    private DesktopContext context;
    private MainViewModel main;
    private ModelsViewModel models;
    private ModelManagerViewModel manager;
    private Path userModels;

    @BeforeEach
    void start() {
        dataDir = UserDataDir.at(temp.resolve("data"));
        userModels = AppPaths.current().userModelsDir();
        context = DesktopContext.create(AppPaths.current(), List.of(), new SettingsStore(temp.resolve("settings.json")),
                new CurrentThreadTaskExecutor());
        context.start();
        main = context.main();
        models = context.models();
        manager = main.modelManager();
    }

    @AfterEach
    void stop() {
        context.close();
        dataDir.close();
    }

    private List<String> pickerIds() {
        return models.modelChoices().stream().map(ModelChoice::id).toList();
    }

    private String activeId() {
        return models.activeModelChoiceProperty().get() == null ? null : models.activeModelChoiceProperty().get().id();
    }

    private String notice() {
        Notice shown = main.noticeProperty().get();
        return shown == null ? "" : shown.text();
    }

    private static List<String> entries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anImportedModelIsInThePickerAndActiveWithoutARestartAndRemovingItBringsBackTheDefault() throws Exception {
        assertThat(activeId()).isEqualTo("haski-reference");
        Path onnx = Files.write(temp.resolve("tiny-skin.onnx"), TinyOnnx.nchw(16, 16, 14));
        AddModelViewModel dialog = manager.newAddModel(List.of(onnx));
        assertThat(dialog.canImportProperty().get()).isTrue();

        dialog.importModel();

        assertThat(pickerIds()).contains("haski-reference", "tiny-skin");
        assertThat(activeId()).isEqualTo("tiny-skin");
        assertThat(models.modelTextProperty().get()).isEqualTo("tiny-skin 1.0.0 (onnx)");
        assertThat(models.selfCheckTextProperty().get()).isEqualTo("Self-check: passed");
        assertThat(manager.removableModels()).extracting(ModelChoice::id).containsExactly("tiny-skin");
        ModelChoice imported = manager.removableModels().get(0);
        assertThat(manager.isActive(imported)).isTrue();

        manager.remove(imported);

        assertThat(entries(userModels)).isEmpty();
        assertThat(pickerIds()).doesNotContain("tiny-skin");
        assertThat(activeId()).isEqualTo("haski-reference");
        assertThat(models.modelTextProperty().get()).isEqualTo("haski-reference 1.0.0 (onnx)");
        assertThat(notice()).isEqualTo("The active model, tiny-skin, was removed; Haski reference network "
                + "(untrained) is active now.");
    }

    @Test
    void aPackageCopiedInWhileTheAppRunsAppearsAfterReloadAndSaysWhatWasFound() throws Exception {
        // As a command-line `models import` or a copy by hand would, behind the running app's back.
        TestModelPackages.referenceCopyIn(userModels, "copied-by-hand");
        assertThat(pickerIds()).doesNotContain("copied-by-hand");

        manager.reload();

        assertThat(pickerIds()).contains("haski-reference", "copied-by-hand");
        assertThat(activeId()).isEqualTo("haski-reference");
        assertThat(notice()).startsWith("Model folders read again: ").contains(pickerIds().size()
                + " usable model package(s)");
    }

    @Test
    void anImportThatIsNotMadeActiveLeavesTheActiveModelAlone() throws Exception {
        Path onnx = Files.write(temp.resolve("quiet.onnx"), TinyOnnx.nchw(16, 16, 14));
        AddModelViewModel dialog = manager.newAddModel(List.of(onnx));
        dialog.makeActiveProperty().set(false);

        dialog.importModel();

        assertThat(pickerIds()).contains("quiet");
        assertThat(activeId()).isEqualTo("haski-reference");
        assertThat(notice()).endsWith("passed its self-check; choose it in the Model picker.");

        manager.remove(manager.removableModels().get(0));
        assertThat(pickerIds()).doesNotContain("quiet");
        assertThat(activeId()).isEqualTo("haski-reference");
        assertThat(notice()).startsWith("Model quiet (quiet) was removed from " + userModels);
    }

    @Test
    void aDroppedPackageFolderIsCheckedCopiedInAndListed() throws Exception {
        Path dropped = TestModelPackages.referenceCopyIn(temp.resolve("downloads"), "copied-reference");

        main.use(DropContent.ofFiles(List.of(dropped)), Optional.empty(), "dropped");

        assertThat(notice()).isEqualTo("Model Reference copy copied-reference (copied-reference) passed its "
                + "self-check and was added to " + userModels + "; choose it in the Model picker.");
        assertThat(entries(userModels)).containsExactly("copied-reference");
        assertThat(pickerIds()).contains("copied-reference");
        assertThat(dropped).isDirectory();

        main.use(DropContent.ofFiles(List.of(dropped)), Optional.empty(), "dropped");

        assertThat(notice()).startsWith("The model package " + dropped + " was not added: the model id "
                + "\"copied-reference\" is already used by " + userModels.resolve("copied-reference"));
        assertThat(entries(userModels)).containsExactly("copied-reference");
    }

    @Test
    void aDroppedPackageThatFailsItsSelfCheckIsRefusedAndNothingIsLeft() throws Exception {
        Path broken = TestModelPackages.brokenReferenceIn(temp.resolve("downloads"));

        main.use(DropContent.ofFiles(List.of(broken)), Optional.empty(), "dropped");

        assertThat(notice()).startsWith("The model package " + broken + " was not added: " + broken
                + " fails its self-check on onnx: ").contains("test vector failed");
        assertThat(entries(userModels)).isEmpty();
        assertThat(pickerIds()).doesNotContain(TestModelPackages.BROKEN_ID);
    }

    @Test
    void aFolderWithoutAManifestIsStillAPhotoSession() throws Exception {
        Path photos = Files.createDirectories(temp.resolve("photos"));

        main.use(DropContent.ofFiles(List.of(photos)), Optional.empty(), "dropped");

        assertThat(main.session().sessionProperty().get()).isNotNull();
        assertThat(entries(userModels)).isEmpty();
    }

    @Test
    void aDroppedOnnxFileOpensAddModelWithIt() throws Exception {
        Path onnx = Files.write(temp.resolve("dropped.onnx"), TinyOnnx.nchw(16, 16, 14));
        List<List<Path>> opened = new ArrayList<>();
        main.setAddModelWindow(dialog -> opened.add(List.copyOf(dialog.files())));

        main.use(DropContent.ofFiles(List.of(onnx)), Optional.empty(), "dropped");

        assertThat(opened).containsExactly(List.of(onnx));
        assertThat(manager.newAddModel(opened.get(0)).idProperty().get()).isEqualTo("dropped");
    }

    @Test
    void bundledModelsAreNeitherRemovableNorRemoved() {
        ModelChoice bundled = models.modelChoices().stream().filter(c -> c.id().equals("haski-reference"))
                .findFirst().orElseThrow();
        assertThat(manager.removableModels()).isEmpty();

        manager.remove(bundled);

        assertThat(notice()).startsWith("\"haski-reference\" is not a model you added, so it is not removed");
        assertThat(pickerIds()).contains("haski-reference");
    }

    @Test
    void showFolderCreatesTheModelsFolderAndShowsIt() {
        List<Path> shown = new ArrayList<>();
        ModelManagerViewModel withShower = new ModelManagerViewModel(context.engine(), models,
                new CurrentThreadTaskExecutor(), main::post, shown::add, temp.resolve("scratch"));
        assertThat(userModels).doesNotExist();

        withShower.showFolder();

        assertThat(userModels).isDirectory();
        assertThat(shown).containsExactly(userModels);
    }

    @Test
    void whenTheFileManagerCannotBeStartedTheAppSaysWhereTheFolderIs() {
        ModelManagerViewModel failing = new ModelManagerViewModel(context.engine(), models,
                new CurrentThreadTaskExecutor(), main::post, folder -> {
                    throw new IOException("xdg-open could not be started: it is not installed");
                }, temp.resolve("scratch"));

        failing.showFolder();

        assertThat(notice()).isEqualTo("Your models folder is " + userModels.toAbsolutePath() + " (it could not be "
                + "shown in a file manager: xdg-open could not be started: it is not installed).");
    }

    @Test
    void removingTheOnlyModelSaysThatNoModelIsActive() throws Exception {
        context.close();
        Path noBundled = Files.createDirectories(temp.resolve("no-bundled-models"));
        String previous = System.getProperty(AppPaths.MODELS_DIR_PROPERTY);
        System.setProperty(AppPaths.MODELS_DIR_PROPERTY, noBundled.toString());
        try {
            context = DesktopContext.create(AppPaths.current(), List.of(),
                    new SettingsStore(temp.resolve("settings-2.json")), new CurrentThreadTaskExecutor());
            context.start();
            main = context.main();
            models = context.models();
            manager = main.modelManager();
            assertThat(models.modelTextProperty().get()).isEqualTo("No model");
            assertThat(notice()).contains("Add one with Model > Add model…");

            AddModelViewModel dialog = manager.newAddModel(List.of(
                    Files.write(temp.resolve("only.onnx"), TinyOnnx.nchw(16, 16, 14))));
            assertThat(dialog.problemProperty(AddModelViewModel.Field.SAMPLE).get())
                    .startsWith("No sample image: choose one (Sample image)");
            dialog.sampleProperty().set(ai.haski.desktop.TestFiles.referencePackage().resolve("test-input.png"));
            dialog.importModel();
            assertThat(activeId()).isEqualTo("only");

            manager.remove(manager.removableModels().get(0));

            assertThat(activeId()).isNull();
            assertThat(models.modelTextProperty().get()).isEqualTo("No model");
            assertThat(models.analyzerProperty().get()).isNull();
            assertThat(notice()).isEqualTo("The active model, only, was removed and no other model is installed, so "
                    + "no model is active: add one with Model > Add model…");
        } finally {
            if (previous == null) {
                System.clearProperty(AppPaths.MODELS_DIR_PROPERTY);
            } else {
                System.setProperty(AppPaths.MODELS_DIR_PROPERTY, previous);
            }
        }
    }
}
