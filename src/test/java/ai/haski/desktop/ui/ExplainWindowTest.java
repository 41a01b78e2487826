package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.photo.PhotoViewer;
import ai.haski.desktop.ui.result.ExplainViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.DragEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window under Monocle: "Explain" on a head draws its map over the photo, aligned at every zoom. */
class ExplainWindowTest {
    private static final String PHOTO = "phone_IMG_1054.JPG";

    @TempDir
    static Path temp;
    private static TestWindow window;
    private static Stage stage;
    private static MainViewModel main;
    private static ExplainViewModel explain;

    @BeforeAll
    static void showWindow() throws Exception {
        window = TestWindow.show(temp, List.of(), started -> { });
        stage = window.stage();
        main = window.main();
        explain = window.context().explain();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        window.close();
    }

    @Test
    void explainingTheFirstHeadDrawsItsMapOverThePhotoAlignedAtEveryZoom() throws Exception {
        Path photo = TestFiles.photo(PHOTO);
        FxProbe.drag(stage, DragEvent.DRAG_DROPPED, photo);
        FxProbe.waitUntil("the result", () -> main.result().outcomeProperty().get() instanceof Analysis a
                && a.file().equals(photo) && main.pictureProperty().get() != null
                && explain.canExplainProperty().get(), () -> main.statusTextProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        FxProbe.fx(() -> {
            ToggleButton toggle = FxProbe.lookup(stage, "#explain-Skin-type");
            toggle.fire();
            return null;
        });
        FxProbe.waitUntil("the map", () -> explain.mapProperty().get() != null,
                () -> "explain: " + explain.messageProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(FxProbe.fx(() -> FxProbe.<ToggleButton>lookup(stage, "#explain-Skin-type").isSelected())).isTrue();
        assertThat(FxProbe.fx(() -> FxProbe.<ToggleButton>lookup(stage, "#explain-Hair-type").isSelected())).isFalse();
        assertThat(FxProbe.fx(() -> FxProbe.lookup(stage, "#explainOverlay").isVisible())).isTrue();
        assertThat(FxProbe.fx(() -> FxProbe.lookup(stage, "#explainLegend").isVisible())).isTrue();
        assertThat(FxProbe.text(stage, "#explainTitle")).startsWith("Skin type: ");
        assertAligned();
        FxProbe.snapshot(stage, "explain-overlay");

        FxProbe.fx(() -> {
            PhotoViewer viewer = FxProbe.lookup(stage, "#photoViewer");
            viewer.zoomIn();
            viewer.zoomIn();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertAligned();
        FxProbe.snapshot(stage, "explain-overlay-zoomed");
    }

    /** The overlay covers exactly the photo on the screen: the map spans the whole (stretched) input. */
    private static void assertAligned() throws Exception {
        Bounds overlay = FxProbe.fx(() -> onScene(FxProbe.lookup(stage, "#explainOverlay")));
        Bounds image = FxProbe.fx(() -> onScene(FxProbe.lookup(stage, "#photoImage")));
        assertThat(overlay.getMinX()).isCloseTo(image.getMinX(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(overlay.getMinY()).isCloseTo(image.getMinY(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(overlay.getWidth()).isCloseTo(image.getWidth(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(overlay.getHeight()).isCloseTo(image.getHeight(), org.assertj.core.data.Offset.offset(0.5));
    }

    private static Bounds onScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
