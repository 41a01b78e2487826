package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.catalog.TinyOnnx;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.ui.main.MainView;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.models.AddModelView;
import ai.haski.desktop.ui.models.ModelChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bring-your-own-model in the real window under Monocle: Model > Add model…, a dropped .onnx imported through the
 * dialog (validation as the user types, the import in the background, the self-check), the new model in the picker
 * and active, Model > Remove… with its confirmation, and a dropped package folder. The user's models folder is the
 * test's own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelManagerWindowTest {
    private static final String IMPORTED_ID = "tiny-seven";

    @TempDir
    static Path temp;
    private static UserDataDir dataDir;
    private static DesktopContext context;
    private static MainViewModel main;
    private static Stage stage;
    private static TestWindow window;

    @BeforeAll
    static void showWindow() throws Exception {
        dataDir = UserDataDir.at(temp.resolve("data"));
        window = TestWindow.show(temp, List.of(), started -> { });
        stage = window.stage();
        context = window.context();
        main = window.main();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        fx(() -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
            return null;
        });
        window.close();
        dataDir.close();
    }

    @Test
    @Order(1)
    void addModelFromTheMenuOpensAnEmptyDialogWhoseImportIsDisabled() throws Exception {
        fx(() -> {
            menuItem("_Add model…").fire();
            return null;
        });
        Stage dialog = waitForWindow(AddModelView.TITLE);

        assertThat(fx(() -> ((Label) in(dialog, "#addModelFiles")).getText())).isEqualTo("No file chosen");
        assertThat(fx(() -> in(dialog, "#addModelImport").isDisabled())).isTrue();
        assertThat(fx(() -> ((Label) in(dialog, "#addModelStatus")).getText()))
                .isEqualTo("Choose the model's .onnx and/or .tflite file.");
        fx(() -> {
            ((Button) in(dialog, "#addModelClose")).fire();
            return null;
        });
        waitUntil("the dialog closes", () -> findWindow(AddModelView.TITLE).isEmpty());
    }

    @Test
    @Order(2)
    void aDroppedOnnxIsImportedThroughTheDialogAndBecomesTheActiveModel() throws Exception {
        Path onnx = Files.write(temp.resolve(IMPORTED_ID + ".onnx"), TinyOnnx.nchw(16, 16, 7));

        assertThat(FxProbe.drag(stage, DragEvent.DRAG_OVER, onnx)).isEqualTo(TransferMode.COPY);
        assertThat(FxProbe.text(stage, "#dropHint")).isEqualTo("Drop to import tiny-seven.onnx as a model (Add model)");
        FxProbe.drag(stage, DragEvent.DRAG_DROPPED, onnx);
        Stage dialog = waitForWindow(AddModelView.TITLE);

        // Seven values and no labels: the importer's problem is shown at the heads, and Import stays disabled.
        waitUntil("the proposal", () -> ((TextArea) in(dialog, "#addModelTensors")).getText()
                .contains("output  scores [1, 7] float32") && in(dialog, "#problemLABELS").isVisible());
        assertThat(fx(() -> ((Label) in(dialog, "#problemLABELS")).getText())).contains("has 7 values");
        assertThat(fx(() -> in(dialog, "#addModelImport").isDisabled())).isTrue();
        assertThat(fx(() -> ((javafx.scene.control.TextField) in(dialog, "#addModelId")).getText()))
                .isEqualTo(IMPORTED_ID);
        snapshot(dialog, "add-model-labels-missing");

        fx(() -> {
            ((TextArea) in(dialog, "#addModelHeads")).setText("skin_type: normal, dry, oily\n"
                    + "hair_type: straight, wavy, curly, coily");
            return null;
        });
        waitUntil("the heads accepted", () -> !in(dialog, "#problemLABELS").isVisible()
                && !in(dialog, "#addModelImport").isDisabled());
        snapshot(dialog, "add-model-dialog");

        FxThreadStalls stalls = fx(() -> {
            FxThreadStalls timer = new FxThreadStalls();
            timer.start();
            return timer;
        });
        fx(() -> {
            ((Button) in(dialog, "#addModelImport")).fire();
            return null;
        });
        waitUntil("the import", () -> in(dialog, "#addModelResult").isVisible());
        waitUntil("the new model active", () -> !main.models().isLoading()
                && main.models().activeModelChoiceProperty().get() != null
                && main.models().activeModelChoiceProperty().get().id().equals(IMPORTED_ID));
        fx(() -> {
            stalls.stop();
            return null;
        });

        assertThat(fx(() -> ((Label) in(dialog, "#addModelResult")).getText()))
                .startsWith("Self-check passed: SHA-256, shapes and test vector")
                .contains("Written to " + AppPaths.current().userModelsDir().resolve(IMPORTED_ID));
        snapshot(dialog, "add-model-imported");
        ComboBox<ModelChoice> picker = fx(() -> FxProbe.lookup(stage, "#modelPicker"));
        assertThat(fx(() -> picker.getItems().stream().map(ModelChoice::id).toList())).contains(IMPORTED_ID);
        assertThat(fx(() -> picker.getValue().id())).isEqualTo(IMPORTED_ID);
        assertThat(FxProbe.text(stage, "#statusModel")).isEqualTo(IMPORTED_ID + " 1.0.0 (onnx)");
        assertThat(FxProbe.text(stage, "#statusSelfCheck")).isEqualTo("Self-check: passed");
        assertThat(stalls.maxWaitInOurCodeMillis()).as("UI thread waiting inside our code, ms").isLessThan(100);

        fx(() -> {
            ((Button) in(dialog, "#addModelClose")).fire();
            return null;
        });
    }

    @Test
    @Order(3)
    void removeAsksWhichAndConfirmsThenTheDefaultModelIsActiveAgain() throws Exception {
        Platform.runLater(() -> menuItem("_Remove…").fire());
        Stage choose = waitForWindow(MainView.REMOVE_TITLE);
        fx(() -> {
            ((Button) ((DialogPane) choose.getScene().lookup(".dialog-pane")).lookupButton(ButtonType.OK)).fire();
            return null;
        });
        Stage confirm = waitForWindow(MainView.REMOVE_CONFIRM_TITLE);
        assertThat(fx(() -> ((DialogPane) confirm.getScene().lookup(".dialog-pane")).getContentText()))
                .contains("It is the active model: the default model takes its place.");
        snapshot(confirm, "remove-model-confirm");
        fx(() -> {
            ((Button) ((DialogPane) confirm.getScene().lookup(".dialog-pane")).lookupButton(ButtonType.OK)).fire();
            return null;
        });

        waitUntil("the default model active again", () -> !main.models().isLoading()
                && main.models().activeModelChoiceProperty().get() != null
                && main.models().activeModelChoiceProperty().get().id().equals("haski-reference"));
        ComboBox<ModelChoice> picker = fx(() -> FxProbe.lookup(stage, "#modelPicker"));
        assertThat(fx(() -> picker.getItems().stream().map(ModelChoice::id).toList())).doesNotContain(IMPORTED_ID);
        assertThat(AppPaths.current().userModelsDir().resolve(IMPORTED_ID)).doesNotExist();
        assertThat(FxProbe.text(stage, "#statusModel")).isEqualTo("haski-reference 1.0.0 (onnx)");
    }

    @Test
    @Order(4)
    void aDroppedPackageFolderIsAddedToThePicker() throws Exception {
        Path pkg = TestModelPackages.referenceCopyIn(temp.resolve("downloads"), "dropped-reference");

        assertThat(FxProbe.drag(stage, DragEvent.DRAG_OVER, pkg)).isEqualTo(TransferMode.COPY);
        assertThat(FxProbe.text(stage, "#dropHint")).isEqualTo("Drop to add the model package dropped-reference to "
                + "your models (it is checked first)");
        FxProbe.drag(stage, DragEvent.DRAG_DROPPED, pkg);

        ComboBox<ModelChoice> picker = fx(() -> FxProbe.lookup(stage, "#modelPicker"));
        waitUntil("the package in the picker", () -> picker.getItems().stream()
                .anyMatch(c -> c.id().equals("dropped-reference")));
        assertThat(FxProbe.text(stage, "#noticeText")).startsWith("Model Reference copy dropped-reference "
                + "(dropped-reference) passed its self-check and was added to");
        assertThat(AppPaths.current().userModelsDir().resolve("dropped-reference").resolve("model.json"))
                .isRegularFile();
        assertThat(main.session().sessionProperty().get()).isNull();
    }

    private static MenuItem menuItem(String text) {
        MenuBar bar = (MenuBar) stage.getScene().lookup(".menu-bar");
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (text.equals(item.getText())) {
                    return item;
                }
            }
        }
        throw new AssertionError("no menu item " + text);
    }

    private static Optional<Stage> findWindow(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())
                && s.isShowing()).map(w -> (Stage) w).findFirst();
    }

    private static Stage waitForWindow(String title) throws Exception {
        waitUntil("the window \"" + title + "\"", () -> findWindow(title).isPresent());
        return fx(() -> findWindow(title).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T in(Stage window, String selector) {
        Node node = window.getScene().lookup(selector);
        if (node == null) {
            throw new AssertionError("no node " + selector + " in " + window);
        }
        return (T) node;
    }

    /** Writes what a window shows to {@code target/ui-snapshots/NAME.png}, for a person to look at. */
    private static void snapshot(Stage window, String name) throws Exception {
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        FxProbe.snapshot(window, name);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return FxProbe.fx(action);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        FxProbe.waitUntil(what, condition, () -> "status: " + main.statusTextProperty().get() + " / notice: "
                + main.noticeProperty().get() + " / add model: " + findWindow(AddModelView.TITLE)
                .map(w -> ((Label) w.getScene().lookup("#addModelStatus")).getText() + " "
                        + w.getScene().lookup(".field-problem")).orElse("not open"));
    }
}
