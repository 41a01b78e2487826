package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.image.TurnedPhotos;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.FaceBox;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.platform.AppPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The face stage as every face sees it: the engine opens the reference model (which expects a face) with the
 * bundled face detector, and its results carry the faces, the skin tone, the face stage's time and, for a photo
 * without a face, the "no face found" warning.
 */
class FaceStageTest {
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
    void aFacePhotoHasItsFaceAndSkinToneAndNoNoFaceWarning() {
        Analysis analysis = (Analysis) analyzer.analyze(TestFiles.photo("skimage_astronaut.png"));

        assertThat(analyzer.faceDetector()).get().asString().startsWith("mediapipe-blazeface ");
        assertThat(analysis.faces()).get().extracting(Faces::boxes).asList().hasSize(1);
        FaceBox face = analysis.faces().get().largest().orElseThrow();
        assertThat(face.x() + face.width() / 2).isBetween(175.0, 285.0);
        assertThat(face.y() + face.height() / 2).isBetween(70.0, 185.0);
        assertThat(analysis.warnings()).noneMatch(w -> w.startsWith("no face found"));
        assertThat(analysis.skinTone()).isPresent();
        assertThat(analysis.skinTone().get().pixels()).isGreaterThanOrEqualTo(SkinToneEstimator.MIN_PIXELS);
        assertThat(analysis.timings().facesMs()).isPositive();

        JsonNode json = ResultJson.toJson(analysis);
        JsonNode box = json.get("faces").get(0);
        assertThat(box.fieldNames()).toIterable().containsExactly("x", "y", "width", "height", "score");
        assertThat(box.get("x").asLong()).isEqualTo(Math.round(face.x()));
        assertThat(json.get("skin_tone").get("group").asText())
                .isEqualTo(analysis.skinTone().get().group().id());
        assertThat(json.get("timings_ms").has("faces")).isTrue();
        List<String> keys = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsSubsequence("image", "region", "faces", "skin_tone", "quality", "warnings");
    }

    /**
     * The astronaut stored turned a quarter clockwise with EXIF orientation 8: the box comes out in pixels of the
     * upright image, where the same photo stored upright has it.
     */
    @Test
    void boxesAreInUprightPixelsOfAnExifTurnedPhoto(@TempDir Path folder) throws Exception {
        Path upright = TestFiles.photo("skimage_astronaut.png");
        Path turned = Files.write(folder.resolve("turned.png"),
                TurnedPhotos.storedClockwisePng(javax.imageio.ImageIO.read(upright.toFile())));

        Analysis straight = (Analysis) analyzer.analyze(upright);
        Analysis fromTurned = (Analysis) analyzer.analyze(turned);

        assertThat(fromTurned.image().orientation()).isEqualTo(8);
        assertThat(fromTurned.image().width()).isEqualTo(straight.image().width());
        FaceBox a = straight.faces().orElseThrow().largest().orElseThrow();
        FaceBox b = fromTurned.faces().orElseThrow().largest().orElseThrow();
        assertThat(b.iou(a)).as("%s against %s", b, a).isGreaterThan(0.95);
    }

    @Test
    void aPhotoWithoutAFaceSaysSoForAModelThatExpectsOne() {
        Analysis analysis = (Analysis) analyzer.analyze(TestFiles.photo("phone_IMG-20191006-WA0002.jpg"));

        assertThat(analysis.faces()).get().extracting(Faces::isEmpty).isEqualTo(true);
        assertThat(analysis.warnings()).anyMatch(w -> w.startsWith("no face found: "));
        JsonNode json = ResultJson.toJson(analysis);
        assertThat(json.get("faces").isArray()).isTrue();
        assertThat(json.get("faces")).isEmpty();
        assertThat(json.get("warnings").toString()).contains("no face found: ");
    }

    @Test
    void withoutADetectorTheResultHasNoFacesKeyAndNoFaceWarning() throws Exception {
        try (Analyzer plain = new Analyzer(SharedEngine.loader().load(SharedEngine.reference(),
                List.of(ModelFormat.ONNX), 1), new ImageLoader())) {
            Analysis analysis = (Analysis) plain.analyze(TestFiles.photo("skimage_coffee.png"));

            assertThat(plain.faceDetector()).isEmpty();
            assertThat(analysis.faces()).isEmpty();
            JsonNode json = ResultJson.toJson(analysis);
            assertThat(json.has("faces")).isFalse();
            assertThat(json.has("skin_tone")).isTrue();
            assertThat(analysis.warnings()).noneMatch(w -> w.startsWith("no face found"));
        }
    }

    @Test
    void theLargestFaceRegionIsEnlargedByTheMarginAndKeptInsideTheImage() {
        Faces faces = new Faces(List.of(new FaceBox(10, 10, 20, 20, 0.9), new FaceBox(100, 50, 40, 60, 0.8)));

        assertThat(faces.largest()).get().extracting(FaceBox::x).isEqualTo(100.0);
        assertThat(faces.largestRegion(0.25, 1000, 1000)).contains(new FaceRegion(90, 35, 60, 90));
        assertThat(faces.largestRegion(0.25, 130, 1000)).contains(new FaceRegion(90, 35, 40, 90));
        assertThat(new Faces(List.of()).largestRegion(0.25, 100, 100)).isEmpty();
    }
}
