package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.photo.PhotoViewer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window under Monocle: a box dragged on the photo (Shift-drag, then a corner handle) is analysed, and
 * gives the result {@code analyze --region} prints for the same box; the box stays drawn; Esc analyses the whole
 * photo again.
 */
class RegionWindowTest {
    private static final String PHOTO = "phone_IMG_1054.JPG";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private static TestWindow window;
    private static Stage stage;
    private static MainViewModel main;

    @BeforeAll
    static void showWindow() throws Exception {
        window = TestWindow.show(temp, List.of(), started -> { });
        stage = window.stage();
        main = window.main();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        window.close();
    }

    @Test
    void aBoxDrawnOnThePhotoIsAnalysedAsTheCommandLineAnalysesTheSameBox() throws Exception {
        Path photo = TestFiles.photo(PHOTO);
        FxProbe.drag(stage, DragEvent.DRAG_DROPPED, photo);
        Analysis whole = waitForResult(photo, null);
        assertThat(whole.region().source()).isEqualTo(Region.Source.WHOLE);
        int width = whole.image().width();
        int height = whole.image().height();

        // Shift-drag from a quarter to the middle of the photo, as a user would on the screen.
        dragOnPhoto(width * 0.25, height * 0.25, width * 0.6, height * 0.55, true);
        Analysis boxed = waitForResult(photo, Region.Source.USER);
        Region drawn = boxed.region();
        double tolerance = 1.5 / zoom();
        assertThat((double) drawn.x()).isCloseTo(width * 0.25, within(tolerance));
        assertThat((double) drawn.right()).isCloseTo(width * 0.6, within(tolerance));
        assertSameAsCommandLine(photo, boxed);
        assertThat(FxProbe.fx(() -> FxProbe.lookup(stage, "#regionOverlay").isVisible())).isTrue();
        assertThat(FxProbe.text(stage, "#regionText")).contains(drawn.toText(), "Esc");
        FxProbe.snapshot(stage, "region-drawn");

        // The bottom right handle, dragged with the "Select region" tool off and no Shift, resizes the box.
        dragOnPhoto(drawn.right(), drawn.bottom(), width * 0.8, height * 0.75, false);
        Analysis resized = waitForResult(photo, Region.Source.USER, drawn);
        assertThat(resized.region().x()).isEqualTo(drawn.x());
        assertThat((double) resized.region().bottom()).isCloseTo(height * 0.75, within(tolerance));
        assertSameAsCommandLine(photo, resized);

        FxProbe.fx(() -> {
            PhotoViewer viewer = FxProbe.lookup(stage, "#photoViewer");
            Event.fireEvent(viewer, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false,
                    false));
            return null;
        });
        Analysis again = waitForResult(photo, Region.Source.WHOLE);
        assertThat(again.region()).isEqualTo(Region.whole(width, height));
        assertThat(FxProbe.fx(() -> FxProbe.lookup(stage, "#regionOverlay").isVisible())).isFalse();
    }

    @Test
    void theSelectRegionToolDrawsWithoutShiftAndATinyBoxIsRefusedSayingWhy() throws Exception {
        Path photo = TestFiles.photo("skimage_astronaut.png");
        FxProbe.drag(stage, DragEvent.DRAG_DROPPED, photo);
        waitForResult(photo, Region.Source.WHOLE);
        FxProbe.fx(() -> {
            FxProbe.<ToggleButton>lookup(stage, "#selectRegion").fire();
            return null;
        });

        dragOnPhoto(100, 100, 110, 300, false);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.region().regionProperty().get()).isNull();
        assertThat(FxProbe.text(stage, "#regionText")).contains("only 10 x 200", "at least 32");

        dragOnPhoto(100, 120, 400, 380, false);
        Analysis boxed = waitForResult(photo, Region.Source.USER);
        assertSameAsCommandLine(photo, boxed);
        assertThat(FxProbe.fx(() -> FxProbe.<ToggleButton>lookup(stage, "#selectRegion").isSelected())).isFalse();
    }

    @Test
    void theFaceButtonAnalysesTheLargestFaceAsTheCommandLineDoesAndShowsWhyThePhotoIsPoor() throws Exception {
        TestFiles.faceDetectorPackage();
        // The astronaut at a quarter of its light: a real face in a photo the quality check calls too dark.
        java.awt.image.BufferedImage source = javax.imageio.ImageIO.read(TestFiles.photo("skimage_astronaut.png")
                .toFile());
        java.awt.image.BufferedImage dark = new java.awt.image.RescaleOp(0.25f, 0, null).filter(
                toRgb(source), null);
        Path photo = temp.resolve("astronaut-dark.png");
        javax.imageio.ImageIO.write(dark, "png", photo.toFile());
        FxProbe.drag(stage, DragEvent.DRAG_DROPPED, photo);
        waitForResult(photo, Region.Source.WHOLE);

        FxProbe.fx(() -> {
            FxProbe.<javafx.scene.control.Button>lookup(stage, "#analyseFace").fire();
            return null;
        });
        Analysis face = waitForResult(photo, Region.Source.FACE);

        assertThat(face.faces()).hasValueSatisfying(found -> assertThat(found.boxes()).isNotEmpty());
        assertThat(FxProbe.fx(() -> main.region().shownProperty().get())).isEqualTo(face.region());
        assertThat(face.quality()).hasValueSatisfying(quality -> assertThat(quality.isPoor()).isTrue());
        assertSameAsCommandLine(photo, face);
        FxProbe.fx(() -> {
            main.result().faces().showBoxesProperty().set(true);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxProbe.snapshot(stage, "region-faces-quality");

        FxProbe.fx(() -> {
            Event.fireEvent(FxProbe.lookup(stage, "#photoViewer"), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                    KeyCode.ESCAPE, false, false, false, false));
            return null;
        });
        waitForResult(photo, Region.Source.WHOLE);
    }

    private static java.awt.image.BufferedImage toRgb(java.awt.image.BufferedImage image) {
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(image.getWidth(), image.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }

    private static Analysis waitForResult(Path photo, Region.Source source) throws Exception {
        return waitForResult(photo, source, null);
    }

    /** Waits for a shown result of {@code photo} from a region of {@code source} (any when null), other than {@code not}. */
    private static Analysis waitForResult(Path photo, Region.Source source, Region not) throws Exception {
        FxProbe.waitUntil("the result", () -> main.result().outcomeProperty().get() instanceof Analysis a
                && a.file().equals(photo) && main.pictureProperty().get() != null
                && (source == null || a.region().source() == source) && !a.region().equals(not),
                () -> main.statusTextProperty().get() + " / " + main.region().textProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return FxProbe.fx(() -> (Analysis) main.result().outcomeProperty().get());
    }

    private static double zoom() throws Exception {
        return FxProbe.fx(() -> FxProbe.<PhotoViewer>lookup(stage, "#photoViewer").zoomProperty().get());
    }

    /** Presses, drags in steps and releases the primary button on the viewer, between two photo pixels. */
    private static void dragOnPhoto(double fromX, double fromY, double toX, double toY, boolean shift)
            throws Exception {
        FxProbe.fx(() -> {
            PhotoViewer viewer = FxProbe.lookup(stage, "#photoViewer");
            Bounds image = FxProbe.lookup(stage, "#photoImage").getBoundsInParent();
            double zoom = viewer.zoomProperty().get();
            Point2D from = new Point2D(image.getMinX() + fromX * zoom, image.getMinY() + fromY * zoom);
            Point2D to = new Point2D(image.getMinX() + toX * zoom, image.getMinY() + toY * zoom);
            fire(viewer, MouseEvent.MOUSE_PRESSED, from, shift);
            for (int step = 1; step <= 5; step++) {
                fire(viewer, MouseEvent.MOUSE_DRAGGED, from.add(to.subtract(from).multiply(step / 5.0)), shift);
            }
            fire(viewer, MouseEvent.MOUSE_RELEASED, to, shift);
            return null;
        });
    }

    private static void fire(PhotoViewer viewer, EventType<MouseEvent> type, Point2D at, boolean shift) {
        // A fired event's coordinates are the scene's; the viewer sees them in its own.
        Point2D scene = viewer.localToScene(at);
        Point2D screen = viewer.localToScreen(at);
        boolean down = type != MouseEvent.MOUSE_RELEASED;
        Event.fireEvent(viewer, new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.PRIMARY, 1, shift, false, false, false, down, false, false, true, false, true, null));
    }

    /** {@code analyze --region} of the same box, with the window's model format, gives the same probabilities. */
    private static void assertSameAsCommandLine(Path photo, Analysis shown) throws Exception {
        Path out = Files.createTempFile(temp, "cli", ".jsonl");
        StringWriter err = new StringWriter();
        int exit = HaskiCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "analyze",
                "--backend", shown.provenance().format(), "--region", shown.region().toText(), "--out",
                out.toString(), photo.toString());
        assertThat(exit).as(err.toString()).isZero();
        JsonNode cli = JSON.readTree(Files.readAllLines(out).get(0));
        assertThat(cli.get("model_sha256").asText()).isEqualTo(shown.provenance().modelSha256());
        assertThat(cli.get("region").get("x").asInt()).isEqualTo(shown.region().x());
        assertThat(cli.get("region").get("height").asInt()).isEqualTo(shown.region().height());
        shown.heads().forEach(head -> {
            for (int i = 0; i < head.labels().size(); i++) {
                double printed = cli.get("probabilities").get(head.head()).get(head.labels().get(i)).asDouble();
                assertThat(printed).as(head.head() + " " + head.labels().get(i))
                        .isCloseTo(head.probabilities()[i], within(1e-6));
            }
        });
    }
}
