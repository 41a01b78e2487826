package ai.haski.desktop.ui.result;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.analysis.SkinTone;
import ai.haski.desktop.model.FaceBox;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's faces and skin tone, on the real reference model, the bundled face detector and real photos, without
 * the toolkit: what the result pane says, the boxes the photo gets (the same as the CLI's JSON), the no-face warning,
 * and the "Show face boxes" toggle.
 */
class FacesViewModelTest {
    @TempDir
    static Path temp;
    private static DesktopContext context;

    @BeforeAll
    static void start() {
        TestFiles.faceDetectorPackage();
        context = DesktopContext.create(AppPaths.current(), List.of(), new SettingsStore(temp.resolve("s.json")),
                new CurrentThreadTaskExecutor());
        context.start();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void aFacePhotoGetsItsBoxOnThePhotoAndItsSkinToneLabelledAsAnEstimate() {
        context.main().open(TestFiles.photo("skimage_astronaut.png"));
        ResultViewModel result = context.main().result();
        FacesViewModel faces = result.faces();
        Analysis analysis = (Analysis) result.outcomeProperty().get();

        assertThat(faces.boxes()).hasSize(1);
        FaceBox box = faces.boxes().get(0);
        JsonNode json = ResultJson.toJson(analysis).get("faces").get(0);
        assertThat(Math.round(box.x())).isEqualTo(json.get("x").asLong());
        assertThat(Math.round(box.width())).isEqualTo(json.get("width").asLong());
        assertThat(faces.facesTextProperty().get()).startsWith("Faces: 1 found");
        assertThat(faces.skinToneTextProperty().get()).startsWith("Skin tone: ITA ")
                .endsWith(SkinTone.CAVEAT);
        assertThat(result.warnings()).noneMatch(w -> w.startsWith("no face found"));

        assertThat(faces.showBoxesProperty().get()).isTrue();
        faces.showBoxesProperty().set(false);
        FaceBoxOverlay overlay = new FaceBoxOverlay(faces);
        assertThat(overlay.isVisible()).isFalse();
        faces.showBoxesProperty().set(true);
        assertThat(overlay.isVisible()).isTrue();
        assertThat(overlay.getChildren()).hasSize(2);
    }

    @Test
    void aPhotoWithoutAFaceShowsTheNoFaceWarningAndNoBoxes() {
        context.main().open(TestFiles.photo("phone_IMG-20191006-WA0002.jpg"));
        ResultViewModel result = context.main().result();

        assertThat(result.faces().boxes()).isEmpty();
        assertThat(result.faces().facesTextProperty().get()).isEqualTo("Faces: none found");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("no face found: "));
    }

    @Test
    void withoutADetectorThePaneSaysHowToAddOne() {
        FacesViewModel faces = new FacesViewModel(AppPaths.current());
        context.main().open(TestFiles.photo("skimage_coffee.png"));
        Analysis withFaces = (Analysis) context.main().result().outcomeProperty().get();
        Analysis without = new Analysis(withFaces.file(), withFaces.heads(), withFaces.provenance(),
                withFaces.image(), withFaces.timings(), withFaces.warnings(), withFaces.region(), withFaces.quality(),
                Optional.empty(), withFaces.skinTone());

        faces.show(without);

        assertThat(faces.boxes()).isEmpty();
        assertThat(faces.facesTextProperty().get()).startsWith("Faces: not looked for; no face detector is installed")
                .contains("tools/install-face-detector.sh");
    }
}
