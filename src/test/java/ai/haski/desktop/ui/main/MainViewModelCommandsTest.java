package ai.haski.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.TestModelPackages;
import ai.haski.desktop.ui.UserDataDir;
import ai.haski.desktop.ui.dialog.SaveTarget;
import ai.haski.desktop.ui.dialog.ScriptedDialogs;
import ai.haski.desktop.ui.models.ActiveModelState;
import ai.haski.desktop.ui.models.HandDrivenActiveModel;
import ai.haski.desktop.ui.models.ModelChoice;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.session.SessionKeys;
import ai.haski.desktop.ui.task.QueuedTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main window's commands as whole flows (ask, then act), without the JavaFX toolkit and without loading a model:
 * the dialogs are scripted, the active model is set by hand, and background work waits until the test runs it.
 */
class MainViewModelCommandsTest {
    @TempDir
    Path temp;
    private UserDataDir dataDir;
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> clipboard = new ArrayList<>();
    private final HandDrivenActiveModel activeModel = new HandDrivenActiveModel();
    private DesktopContext context;
    private MainViewModel main;

    @BeforeEach
    void start() {
        dataDir = UserDataDir.at(temp.resolve("data"));
        context = DesktopContext.create(AppPaths.current(), List.of(), new SettingsStore(temp.resolve("settings.json")),
                executor, dialogs, clipboard::add);
        main = new MainViewModel(activeModel, context.models(), context.main().modelManager(), context.session(),
                context.notices(), dialogs, clipboard::add, new DisplayDecoder(new ImageLoader()), executor,
                temp.resolve("pasted"), temp.resolve("logs"));
    }

    @AfterEach
    void stop() {
        context.close();
        dataDir.close();
    }

    private Optional<String> notice() {
        return Optional.ofNullable(main.noticeProperty().get()).map(Notice::text);
    }

    private Path photo() throws Exception {
        return Files.write(temp.resolve("photo.jpg"), new byte[] {1, 2, 3});
    }

    @Test
    void openPhotoCancelledOpensNothingAndChosenOpensIt() throws Exception {
        main.openPhoto();
        assertThat(main.currentFileProperty().get()).isNull();
        assertThat(dialogs.titles()).containsExactly("Open a photo");

        Path photo = photo();
        dialogs.answer(photo);
        main.openPhoto();

        assertThat(main.currentFileProperty().get()).isEqualTo(photo);
        // The next open starts in the shown photo's folder.
        main.openPhoto();
        assertThat(dialogs.asked().get(2).startFolder()).contains(temp);
    }

    @Test
    void aPhotoOpenedWhileTheModelLoadsWaitsAndIsToldWhenNoModelCameOfIt() throws Exception {
        Path photo = photo();
        main.open(photo);

        assertThat(main.busyProperty().get()).isTrue();
        assertThat(main.result().placeholderProperty().get()).isEqualTo("Waiting for the model to finish loading…");
        assertThat(executor.pendingNames()).noneMatch(name -> name.startsWith("analyse"));

        activeModel.set(ActiveModelState.none("no usable model package"));

        assertThat(main.result().errorTextProperty().get()).isEqualTo("This photo cannot be analysed: no model is "
                + "active (no usable model package).");
        assertThat(main.statusTextProperty().get()).isEqualTo("No model: photo.jpg was not analysed");
        assertThat(main.busyProperty().get()).isTrue();
        executor.runAll();
        assertThat(main.busyProperty().get()).isFalse();
    }

    @Test
    void saveAndCopyAreAvailableOnlyWhileAResultIsShown() throws Exception {
        assertThat(main.canSaveResultProperty().get()).isFalse();
        assertThat(main.canCopyResultProperty().get()).isFalse();

        main.result().show(new AnalysisFailure(photo(), "unreadable", "The file is not a photo"));

        assertThat(main.canSaveResultProperty().get()).isTrue();
        assertThat(main.canCopyResultProperty().get()).isTrue();
        main.result().show(null);
        assertThat(main.canSaveResultProperty().get()).isFalse();
    }

    @Test
    void saveResultAsAsksWhereThenWritesAndCancelledWritesNothing() throws Exception {
        main.saveResultAs();
        assertThat(notice()).contains("There is no result to save yet: open a photo first.");
        assertThat(dialogs.asked()).isEmpty();

        main.result().show(new AnalysisFailure(photo(), "unreadable", "The file is not a photo"));
        main.saveResultAs();
        assertThat(executor.pendingNames()).doesNotContain("save result");

        Path target = temp.resolve("out.haski.json");
        dialogs.answer(new SaveTarget(target, FileTypes.JSON.get(0)));
        main.saveResultAs();
        executor.runAll();

        assertThat(dialogs.asked()).extracting(ScriptedDialogs.Question::text)
                .containsOnly("result.haski.json");
        assertThat(target).content().contains("\"unreadable\"");
        assertThat(notice()).contains("Result saved to " + target);
    }

    @Test
    void copyResultPutsTheJsonOnTheClipboard() throws Exception {
        main.copyResult();
        assertThat(notice()).contains("There is no result to copy yet: open a photo first.");
        assertThat(clipboard).isEmpty();

        main.result().show(new AnalysisFailure(photo(), "unreadable", "The file is not a photo"));
        main.copyResult();

        assertThat(clipboard).containsExactly(main.resultJson().orElseThrow());
        assertThat(notice()).contains("The result was copied as JSON, exactly as the command line writes it.");
    }

    @Test
    void openFolderCancelledOpensNoSession() {
        main.openFolder();

        assertThat(dialogs.titles()).containsExactly("Open a folder of photos as a review session");
        assertThat(executor.pendingNames()).isEmpty();
        assertThat(main.session().sessionProperty().get()).isNull();
    }

    @Test
    void aboutAndKeyboardKeysShowTheirTexts() {
        main.about();
        main.keyboardShortcuts();

        assertThat(dialogs.titles()).containsExactly("About Haski Desktop", "Keyboard shortcuts");
        assertThat(dialogs.asked().get(0).text()).startsWith("Haski Desktop ").contains("Runtimes: not probed yet");
        assertThat(dialogs.asked().get(1).text()).isEqualTo(SessionKeys.asText());
    }

    @Test
    void addModelOpensTheDialogForAFreshForm() {
        List<Object> shown = new ArrayList<>();
        main.setAddModelWindow(shown::add);

        main.addModel();

        assertThat(shown).hasSize(1);
    }

    @Test
    void removeModelWithNoModelsOfYourOwnSaysSoAndAsksNothing() {
        context.main().removeModel();

        assertThat(dialogs.asked()).isEmpty();
        assertThat(context.main().noticeProperty().get().text()).startsWith("You have added no models, so there is "
                + "none to remove (the bundled ones stay).");
    }

    /** A package of the user's own in the picker; the runtimes are probed, but no model is loaded. */
    private ModelChoice userPackage() {
        TestModelPackages.referenceCopyIn(AppPaths.current().userModelsDir(), "mine");
        context.close();
        context = DesktopContext.create(AppPaths.current(), List.of(), new SettingsStore(temp.resolve("settings.json")),
                executor, dialogs, clipboard::add);
        context.start();
        assertThat(executor.pendingNames()).containsExactly("probe runtimes");
        executor.runNext();
        return context.main().modelManager().removableModels().stream().filter(c -> c.id().equals("mine"))
                .findFirst().orElseThrow();
    }

    @Test
    void removeModelCancelledAtTheChoiceDoesNothing() {
        userPackage();
        dialogs.cancel();

        context.main().removeModel();

        assertThat(dialogs.titles()).containsExactly(ModelRemoval.TITLE);
        assertThat(executor.pendingNames()).noneMatch(name -> name.startsWith("remove model"));
        assertThat(AppPaths.current().userModelsDir().resolve("mine")).isDirectory();
    }

    @Test
    void removeModelRefusedAtTheConfirmationKeepsIt() {
        ModelChoice mine = userPackage();
        dialogs.answer(mine).answer(false);

        context.main().removeModel();

        assertThat(dialogs.titles()).containsExactly(ModelRemoval.TITLE, ModelRemoval.CONFIRM_TITLE);
        assertThat(dialogs.asked().get(1).text()).startsWith("Remove " + mine.title() + "?");
        assertThat(executor.pendingNames()).noneMatch(name -> name.startsWith("remove model"));
        assertThat(AppPaths.current().userModelsDir().resolve("mine")).isDirectory();
    }

    @Test
    void removeModelConfirmedRemovesIt() {
        ModelChoice mine = userPackage();
        dialogs.answer(mine).answer(true);

        context.main().removeModel();

        assertThat(executor.pendingNames()).contains("remove model mine");
        executor.runNamed("remove model mine");
        assertThat(AppPaths.current().userModelsDir().resolve("mine")).doesNotExist();
        assertThat(context.main().noticeProperty().get().text()).startsWith("Model ").contains("(mine) was removed");
    }
}
