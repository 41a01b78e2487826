package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.model.FaceBox;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.platform.AppPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The face stage with a region: faces are looked for in the whole photo whatever the region (so a region beside the
 * face still reports it, and {@code --region face} has a face to find), the skin tone is read inside the largest face
 * in the region, else over the region; the quality is of the region.
 */
class FaceRegionStageTest {
    private static Analyzer analyzer;

    @BeforeAll
    static void open() throws Exception {
        TestFiles.faceDetectorPackage();
        Engine engine = Engine.create(AppPaths.current(), List.of());
        analyzer = engine.open(ModelRequest.model("haski-reference").forcing(ModelFormat.ONNX)
                .withThreads(ThreadBudget.single()));
    }

    @AfterAll
    static void close() {
        if (analyzer != null) {
            analyzer.close();
        }
    }

    @Test
    void aRegionAroundTheFaceKeepsTheFaceAndItsSkinTone() {
        Path photo = TestFiles.photo("skimage_astronaut.png");
        Analysis whole = (Analysis) analyzer.analyze(photo);
        FaceBox face = whole.faces().orElseThrow().largest().orElseThrow();
        Region around = Region.user((int) Math.max(0, face.x() - 30), (int) Math.max(0, face.y() - 30),
                (int) face.width() + 60, (int) face.height() + 60);

        Analysis part = (Analysis) analyzer.analyze(photo, around);

        assertThat(part.region()).isEqualTo(around);
        assertThat(part.faces().orElseThrow().largest().orElseThrow().iou(face)).isGreaterThan(0.95);
        assertThat(part.skinTone()).isPresent();
        assertThat(part.skinTone().get().itaDegrees()).isCloseTo(whole.skinTone().orElseThrow().itaDegrees(),
                within(2.0));
        assertThat(part.quality()).isPresent();
        assertThat(part.timings().facesMs()).isPositive();
        assertThat(part.timings().qualityMs()).isPositive();
    }

    @Test
    void aRegionBesideTheFaceStillReportsTheFaceAndReadsTheRegionsSkin() {
        Path photo = TestFiles.photo("skimage_astronaut.png");
        Analysis whole = (Analysis) analyzer.analyze(photo);
        FaceBox face = whole.faces().orElseThrow().largest().orElseThrow();
        int below = (int) Math.ceil(face.y() + face.height()) + 10;
        Region beside = Region.user(0, below, whole.image().width(), whole.image().height() - below);

        Analysis part = (Analysis) analyzer.analyze(photo, beside);

        assertThat(part.faces().orElseThrow().boxes()).hasSameSizeAs(whole.faces().orElseThrow().boxes());
        assertThat(part.faces().orElseThrow().largest().orElseThrow().iou(face)).isGreaterThan(0.95);
        assertThat(part.warnings()).noneMatch(w -> w.startsWith("no face found"));
        assertThat(FaceFinder.largestIn(part.faces().orElseThrow(), beside)).isEmpty();
    }

    @Test
    void theJsonOrderIsRegionThenFacesThenQualityThenWarnings() {
        Analysis analysis = (Analysis) analyzer.analyze(TestFiles.photo("skimage_astronaut.png"));

        JsonNode json = ResultJson.toJson(analysis);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(keys.indexOf("image"), keys.size()))
                .containsExactly("image", "region", "faces", "skin_tone", "quality", "warnings");
        List<String> timings = new ArrayList<>();
        json.get("timings_ms").fieldNames().forEachRemaining(timings::add);
        assertThat(timings).contains("faces", "quality");
    }

    @Test
    void theLargestFaceInTheRegionIsTheOneWhoseCentreLiesInIt() {
        Faces faces = new Faces(List.of(new FaceBox(10, 10, 20, 20, 0.9), new FaceBox(100, 50, 40, 60, 0.8)));

        assertThat(FaceFinder.largestIn(faces, Region.whole(200, 200))).get().extracting(FaceBox::x)
                .isEqualTo(100.0);
        assertThat(FaceFinder.largestIn(faces, Region.user(0, 0, 50, 50))).get().extracting(FaceBox::x)
                .isEqualTo(10.0);
        assertThat(FaceFinder.largestIn(faces, Region.user(150, 150, 50, 50))).isEmpty();
    }
}
