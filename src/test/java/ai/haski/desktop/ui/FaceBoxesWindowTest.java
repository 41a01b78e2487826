package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.SkinTone;
import ai.haski.desktop.ui.main.MainViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window with the bundled face detector: the astronaut's face box is drawn on the photo where the result
 * JSON puts it, the result pane says what was found and labels the skin tone as an estimate, View > Show face boxes
 * hides and shows the boxes, and a photo without a face shows the no-face warning.
 */
class FaceBoxesWindowTest {
    @TempDir
    static Path temp;
    private static TestWindow window;
    private static MainViewModel main;

    @BeforeAll
    static void showWindow() throws Exception {
        TestFiles.faceDetectorPackage();
        window = TestWindow.show(temp, List.of(), started -> { });
        main = window.main();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        window.close();
    }

    @Test
    void theFaceBoxIsDrawnOnThePhotoAndTheToggleHidesIt() throws Exception {
        Path photo = TestFiles.photo("skimage_astronaut.png");
        openAndWait(photo);
        Analysis analysis = (Analysis) main.result().outcomeProperty().get();
        var face = analysis.faces().orElseThrow().largest().orElseThrow();

        Group boxes = fx(() -> FxProbe.lookup(window.stage(), "#faceBoxes"));
        Rectangle drawn = fx(() -> (Rectangle) boxes.getChildren().get(0));
        assertThat(fx(boxes::isVisible)).isTrue();
        // One overlay over the photo holds the explain map, the region box and the face boxes.
        assertThat(fx(() -> boxes.getParent().getChildrenUnmodifiable().stream().map(Node::getId).toList()))
                .containsExactly("explainOverlay", "regionOverlay", "faceBoxes");
        assertThat(drawn.getX()).isEqualTo(face.x());
        assertThat(drawn.getWidth()).isEqualTo(face.width());
        assertThat(text("#resultFaces")).startsWith("Faces: 1 found");
        assertThat(text("#resultSkinTone")).startsWith("Skin tone: ITA ").endsWith(SkinTone.CAVEAT);
        FxProbe.snapshot(window.stage(), "faces-astronaut");

        fx(() -> {
            main.result().faces().showBoxesProperty().set(false);
            return null;
        });
        assertThat(fx(boxes::isVisible)).isFalse();
        fx(() -> {
            main.result().faces().showBoxesProperty().set(true);
            return null;
        });
        assertThat(fx(boxes::isVisible)).isTrue();
    }

    @Test
    void aPhotoWithoutAFaceShowsTheNoFaceWarning() throws Exception {
        openAndWait(TestFiles.photo("phone_IMG-20191006-WA0002.jpg"));

        assertThat(text("#resultFaces")).isEqualTo("Faces: none found");
        Node warnings = fx(() -> FxProbe.lookup(window.stage(), "#resultWarnings"));
        assertThat(fx(() -> warnings.lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).anyMatch(t -> t.contains("no face found: "))))
                .isTrue();
        Group boxes = fx(() -> FxProbe.lookup(window.stage(), "#faceBoxes"));
        assertThat(fx(() -> boxes.getChildren().isEmpty())).isTrue();
    }

    private static void openAndWait(Path photo) throws Exception {
        fx(() -> {
            main.open(photo);
            return null;
        });
        FxProbe.waitUntil("the result for " + photo.getFileName(), () -> !main.models().isLoading()
                && main.result().outcomeProperty().get() instanceof Analysis a && a.file().equals(photo),
                () -> "status: " + main.statusTextProperty().get());
    }

    private static String text(String selector) throws Exception {
        return FxProbe.text(window.stage(), selector);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return FxProbe.fx(action);
    }
}
