package ai.haski.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.platform.WindowBounds;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Fitting saved bounds to today's screens, and real stages under Monocle saving and getting back their bounds. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 800);
    private static final Rectangle2D MONITOR = new Rectangle2D(1280, 0, 1920, 1080);

    @TempDir
    Path temp;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void boundsOnAScreenStayAsTheyWere() {
        WindowBounds saved = new WindowBounds(1400, 50, 1200, 900, false);

        assertThat(WindowPlacement.fit(saved, List.of(LAPTOP, MONITOR), 1024, 700)).isEqualTo(saved);
    }

    @Test
    void boundsOnAScreenThatIsGoneMoveOntoThePrimaryAndShrinkToFit() {
        WindowBounds saved = new WindowBounds(1400, 50, 1600, 1000, true);

        assertThat(WindowPlacement.fit(saved, List.of(LAPTOP), 1024, 700))
                .isEqualTo(new WindowBounds(0, 0, 1280, 800, true));
    }

    @Test
    void aWindowPartlyOffItsScreenIsMovedBackOntoIt() {
        assertThat(WindowPlacement.fit(new WindowBounds(-300, 500, 1100, 720, false), List.of(LAPTOP, MONITOR), 1024,
                700)).isEqualTo(new WindowBounds(0, 80, 1100, 720, false));
        // Mostly on the monitor: it stays there, pulled in from the bottom right.
        assertThat(WindowPlacement.fit(new WindowBounds(2600, 700, 1100, 720, false), List.of(LAPTOP, MONITOR), 1024,
                700)).isEqualTo(new WindowBounds(2100, 360, 1100, 720, false));
    }

    @Test
    void aWindowSavedSmallerThanTheMinimumGrowsToIt() {
        assertThat(WindowPlacement.fit(new WindowBounds(10, 10, 300, 200, false), List.of(LAPTOP), 1024, 700))
                .isEqualTo(new WindowBounds(10, 10, 1024, 700, false));
    }

    @Test
    void theLayoutKeyIsTheSameWhateverOrderTheScreensComeIn() {
        assertThat(WindowPlacement.layoutKey(List.of(MONITOR, LAPTOP)))
                .isEqualTo(WindowPlacement.layoutKey(List.of(LAPTOP, MONITOR)))
                .isEqualTo("0,0 1280x800;1280,0 1920x1080");
    }

    @Test
    void aStageClosedMovedAndResizedOpensThereAgain() throws Exception {
        SettingsStore store = new SettingsStore(temp.resolve("settings.json"));
        Stage first = showPlacedStage(store);
        fx(() -> {
            first.setX(60);
            first.setY(40);
            first.setWidth(900);
            first.setHeight(600);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            first.hide();
            return null;
        });
        String screens = fx(() -> WindowPlacement.layoutKey(Screen.getScreens().stream().map(Screen::getBounds)
                .toList()));
        assertThat(store.windowBounds(screens)).contains(new WindowBounds(60, 40, 900, 600, false));

        Stage second = showPlacedStage(store);

        assertThat(fx(() -> List.of(second.getX(), second.getY(), second.getWidth(), second.getHeight())))
                .containsExactly(60.0, 40.0, 900.0, 600.0);
        fx(() -> {
            second.hide();
            return null;
        });
    }

    @Test
    void aMaximisedStageOpensMaximisedAndKeepsTheBoundsToComeBackTo() throws Exception {
        SettingsStore store = new SettingsStore(temp.resolve("settings.json"));
        store.saveWindowBounds("a layout of another day", new WindowBounds(70, 50, 800, 500, true));

        Stage stage = showPlacedStage(store);
        assertThat(fx(stage::isMaximized)).isTrue();
        fx(() -> {
            stage.hide();
            return null;
        });

        assertThat(store.lastWindowBounds()).contains(new WindowBounds(70, 50, 800, 500, true));
    }

    /** A plain stage placed as the main window is: saved bounds applied before it shows, saved when hidden. */
    private static Stage showPlacedStage(SettingsStore store) throws Exception {
        Stage stage = fx(() -> {
            Stage shown = new Stage();
            shown.setScene(new Scene(new Pane(), 640, 480));
            WindowPlacement.install(shown, store);
            shown.show();
            return shown;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
