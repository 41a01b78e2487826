package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.FaceBox;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.platform.AppPaths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RegionRequest#LARGEST_FACE} on the real reference model and the bundled BlazeFace: the astronaut's face,
 * grown by the model's margin, is analysed exactly as the same box given by hand; no face and no detector fail the
 * photo, saying why and what to do.
 */
class LargestFaceRegionTest {
    private static Analyzer analyzer;

    @BeforeAll
    static void open() throws Exception {
        TestFiles.faceDetectorPackage();
        analyzer = Engine.create(AppPaths.current(), List.of()).open(ModelRequest.model("haski-reference")
                .forcing(ModelFormat.ONNX).withThreads(ThreadBudget.single()));
    }

    @AfterAll
    static void close() {
        if (analyzer != null) {
            analyzer.close();
        }
    }

    @Test
    void theLargestFaceWithTheModelsMarginIsAnalysedAsTheSameBoxGivenByHand() {
        var photo = TestFiles.photo("skimage_astronaut.png");
        Analysis face = (Analysis) analyzer.analyze(photo, RegionRequest.LARGEST_FACE);

        Region region = face.region();
        assertThat(region.source()).isEqualTo(Region.Source.FACE);
        FaceBox found = face.faces().orElseThrow().largest().orElseThrow();
        double margin = analyzer.model().modelPackage().manifest().faceMargin();
        assertThat(margin).isPositive();
        assertThat(region).isEqualTo(faceRegion(found, margin, 512, 512));
        assertThat((double) region.x()).as("the box holds the face with room around it").isLessThan(found.x());
        assertThat((double) region.right()).isGreaterThan(found.x() + found.width());

        Analysis byHand = (Analysis) analyzer.analyze(photo, Region.user(region.x(), region.y(), region.width(),
                region.height()));
        for (HeadResult head : face.heads()) {
            float[] expected = byHand.head(head.head()).orElseThrow().probabilities();
            for (int i = 0; i < expected.length; i++) {
                assertThat(head.probabilities()[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
        assertThat(face.skinTone()).isEqualTo(byHand.skinTone());
        assertThat(face.timings().facesMs()).isPositive();
    }

    @Test
    void aPhotoWithoutAFaceFailsWithNoFaceFoundSayingWhatToDo() {
        AnalysisOutcome outcome = analyzer.analyze(TestFiles.photo("skimage_coffee.png"), RegionRequest.LARGEST_FACE);

        assertThat(outcome).isInstanceOf(AnalysisFailure.class);
        AnalysisFailure failure = (AnalysisFailure) outcome;
        assertThat(failure.code()).isEqualTo("NO_FACE_FOUND");
        assertThat(failure.message()).contains("skimage_coffee.png", "no face found", "analyse the whole photo",
                "--region X,Y,W,H");
    }

    @Test
    void withoutAFaceDetectorTheFaceCannotBeFoundAndTheMessageSaysSo() throws Exception {
        try (Analyzer plain = new Analyzer(SharedEngine.loader().load(SharedEngine.reference(),
                List.of(ModelFormat.ONNX), 1), new ImageLoader())) {
            AnalysisOutcome outcome = plain.analyze(TestFiles.photo("skimage_astronaut.png"),
                    RegionRequest.LARGEST_FACE);

            assertThat(outcome).isInstanceOf(AnalysisFailure.class);
            assertThat(((AnalysisFailure) outcome).code()).isEqualTo("NO_FACE_DETECTOR");
            assertThat(((AnalysisFailure) outcome).message()).contains("no face detector is installed",
                    "models list");
        }
    }

    @Test
    void theRequestIsReadFromTheCommandLinesForms() {
        assertThat(RegionRequest.parse(" Face ")).isEqualTo(RegionRequest.LARGEST_FACE);
        assertThat(RegionRequest.parse("1,2,30,40")).isEqualTo(RegionRequest.box(Region.user(1, 2, 30, 40)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegionRequest.parse("nose"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X,Y,W,H")
                .hasMessageContaining("\"face\"");
    }

    /** The face box grown by the margin on every side and cut to the photo, computed here on its own. */
    private static Region faceRegion(FaceBox face, double margin, int width, int height) {
        int left = (int) Math.max(0, Math.floor(face.x() - face.width() * margin));
        int top = (int) Math.max(0, Math.floor(face.y() - face.height() * margin));
        int right = (int) Math.min(width, Math.ceil(face.x() + face.width() * (1 + margin)));
        int bottom = (int) Math.min(height, Math.ceil(face.y() + face.height() * (1 + margin)));
        return new Region(left, top, right - left, bottom - top, Region.Source.FACE);
    }
}
