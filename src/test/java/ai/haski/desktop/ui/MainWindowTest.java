package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.models.ModelChoice;
import ai.haski.desktop.ui.models.RuntimeChoice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window under Monocle (headless), on the real reference model and real photos: what a user does
 * with the mouse and keyboard, through the same events the toolkit delivers.
 *
 * <p>One window serves every test, as one would for a user; the order is fixed because a runtime switch stays.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowTest {
    private static final String PHOTO = "phone_IMG_1054.JPG";

    @TempDir
    static Path temp;
    private static DesktopContext context;
    private static MainViewModel main;
    private static Stage stage;
    private static TestWindow window;

    @BeforeAll
    static void showWindow() throws Exception {
        Path extraModels = temp.resolve("models");
        TestModelPackages.brokenReferenceIn(extraModels);
        window = TestWindow.show(temp, List.of(extraModels), started -> { });
        stage = window.stage();
        context = window.context();
        main = window.main();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        window.close();
    }

    @Test
    @Order(1)
    void droppingAPhotoShowsTheReferenceResultWithTheBannerAndNeverBlocksTheUiThread() throws Exception {
        Path photo = TestFiles.photo(PHOTO);
        FxThreadStalls stalls = fx(() -> {
            FxThreadStalls timer = new FxThreadStalls();
            timer.start();
            return timer;
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);

        TransferMode accepted = drag(DragEvent.DRAG_OVER, photo);
        assertThat(accepted).isEqualTo(TransferMode.COPY);
        assertThat(text("#dropHint")).isEqualTo("Drop to analyse " + PHOTO);
        drag(DragEvent.DRAG_DROPPED, photo);

        waitUntil("the result for the dropped photo", () -> main.result().outcomeProperty().get() instanceof Analysis a
                && a.file().equals(photo) && main.pictureProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            stalls.stop();
            return null;
        });

        assertThat(text("#resultHeading")).isEqualTo(PHOTO);
        assertThat(text("#resultMadeBy")).startsWith("Made by haski-reference 1.0.0 (onnx, ONNX Runtime");
        assertThat(text("#clinicalBanner")).isEqualTo("Not for clinical use: Haski reference network (untrained) is "
                + "untrained / not validated; its outputs mean nothing medically.");
        assertThat(fx(() -> lookup("#clinicalBanner").isVisible())).isTrue();
        assertThat(text("#statusSelfCheck")).isEqualTo("Self-check: passed");
        assertThat(text("#dropHint")).isEmpty();
        assertThat(fx(() -> lookup("#bars-Skin-type").getAccessibleText())).startsWith(text("#top-Skin-type")
                .replace("  ", " ")).contains("combination").contains("oily");
        System.out.printf("UI thread while a photo was dropped and analysed: longest gap between pulses %.1f ms; "
                + "most UI-thread CPU time between two pulses %.1f ms; longest wait inside our code %.1f ms%n",
                stalls.maxGapMillis(), stalls.maxCpuMillis(), stalls.maxWaitInOurCodeMillis());
        assertThat(stalls.maxCpuMillis()).as("UI thread CPU time between two frames, ms").isLessThan(100);
        assertThat(stalls.maxWaitInOurCodeMillis()).as("UI thread waiting inside our code, ms").isLessThan(100);
    }

    @Test
    @Order(2)
    void draggingATextFileIsRefusedWithTheReasonWhileItHovers() throws Exception {
        Path notes = Files.writeString(temp.resolve("notes.txt"), "not a photo");

        TransferMode accepted = drag(DragEvent.DRAG_OVER, notes);

        assertThat(accepted).isNull();
        assertThat(text("#dropHint")).startsWith("notes.txt is not a photo this app reads. Use a JPEG, PNG");
        assertThat(fx(() -> lookup("#dropHint").getStyleClass().contains("drop-hint-refused"))).isTrue();
        snapshot("text-file-dragged-over");
        drag(DragEvent.DRAG_EXITED, notes);
        assertThat(text("#dropHint")).isEmpty();
    }

    @Test
    @Order(3)
    void switchingToTfliteReanalysesAndTheStatusBarSaysSo() throws Exception {
        openAndWait(TestFiles.photo(PHOTO));
        ComboBox<RuntimeChoice> runtimes = fx(() -> lookup("#runtimePicker"));
        RuntimeChoice tflite = fx(() -> runtimes.getItems().stream()
                .filter(c -> c.format().map(f -> f.id().equals("tflite")).orElse(false)).findFirst().orElseThrow());

        fx(() -> {
            runtimes.setValue(tflite);
            return null;
        });

        waitUntil("the TFLite result", () -> main.result().outcomeProperty().get() instanceof Analysis a
                && a.provenance().format().equals("tflite"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#statusRuntime")).startsWith("TensorFlow Lite 2.6");
        assertThat(text("#statusModel")).isEqualTo("haski-reference 1.0.0 (tflite)");
        assertThat(text("#resultMadeBy")).contains("(tflite, TensorFlow Lite");
    }

    @Test
    @Order(4)
    void aModelFailingItsSelfCheckIsRefusedAndThePreviousOneStays() throws Exception {
        openAndWait(TestFiles.photo(PHOTO));
        String before = text("#statusModel");
        ComboBox<ModelChoice> models = fx(() -> lookup("#modelPicker"));
        ModelChoice broken = fx(() -> models.getItems().stream()
                .filter(c -> c.id().equals(TestModelPackages.BROKEN_ID)).findFirst().orElseThrow());

        fx(() -> {
            models.setValue(broken);
            return null;
        });

        waitUntil("the refusal", () -> !main.models().isLoading() && main.noticeProperty().get() != null
                && main.noticeProperty().get().text().startsWith("Model broken-reference was refused"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#noticeText")).contains("stays active").contains("test vector failed");
        assertThat(text("#statusSelfCheck")).startsWith("Self-check failed for broken-reference");
        assertThat(text("#statusModel")).isEqualTo(before);
        assertThat(fx(() -> models.getValue().id())).isEqualTo("haski-reference");
        assertThat(text("#resultMadeBy")).startsWith("Made by haski-reference");
        snapshot("broken-model-refused");
    }

    static String debugState() {
        return main.statusTextProperty().get() + " picture=" + (main.pictureProperty().get() != null) + " outcome=" + (main.result().outcomeProperty().get() != null);
    }

    /**
     * Writes what the window shows to {@code target/ui-snapshots/NAME.png}, so that a person can look at the state
     * a test checked (the headless screen has no other way to be seen).
     */
    private static void snapshot(String name) throws Exception {
        FxProbe.snapshot(stage, name);
    }

    @Test
    @Order(5)
    void theViewShortcutsZoomToActualSizeAndBackToFit() throws Exception {
        openAndWait(TestFiles.photo(PHOTO));
        ai.haski.desktop.ui.photo.PhotoViewer viewer = fx(() -> lookup("#photoViewer"));
        waitUntil("the photo", () -> main.pictureProperty().get() != null);
        double fitted = fx(() -> viewer.zoomProperty().get());
        assertThat(fitted).isLessThan(1);
        FxRobot robot = new FxRobot();

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> viewer.zoomProperty().get())).isEqualTo(1.0);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> viewer.zoomProperty().get())).isEqualTo(1 / 1.25);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> viewer.zoomProperty().get())).isEqualTo(fitted);
    }

    private static void openAndWait(Path photo) throws Exception {
        fx(() -> {
            main.open(photo);
            return null;
        });
        waitUntil("the result for " + photo.getFileName(), () -> !main.models().isLoading()
                && main.result().outcomeProperty().get() instanceof Analysis a && a.file().equals(photo));
    }

    private static TransferMode drag(javafx.event.EventType<DragEvent> type, Path file) throws Exception {
        return FxProbe.drag(stage, type, file);
    }

    private static <T extends Node> T lookup(String selector) {
        return FxProbe.lookup(stage, selector);
    }

    private static String text(String selector) throws Exception {
        return FxProbe.text(stage, selector);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return FxProbe.fx(action);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        FxProbe.waitUntil(what, condition, () -> "status: " + main.statusTextProperty().get() + " / notice: " + main.noticeProperty().get());
    }


}
