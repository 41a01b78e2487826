package ai.haski.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Path;
import java.util.List;
import ai.haski.desktop.ui.photo.ArgbPixels;
import ai.haski.desktop.ui.photo.DisplayPicture;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The region gestures in photo pixels, without a toolkit: draw, refuse, resize, move, clear, a new photo. */
class RegionSelectionViewModelTest {
    private final SimpleObjectProperty<DisplayPicture> picture = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<AnalysisOutcome> outcome = new SimpleObjectProperty<>();
    private final RegionSelectionViewModel region = new RegionSelectionViewModel(picture, outcome);
    private int changes;

    @BeforeEach
    void showAPhoto() {
        picture.set(new DisplayPicture(new ArgbPixels(40, 30, new int[40 * 30]), 4000, 3000, "jpeg"));
        region.setOnChange(() -> changes++);
    }

    @Test
    void aPlainDragPansAndAShiftDragDrawsABoxClampedToThePhoto() {
        assertThat(region.press(100, 100, 10, false)).isFalse();

        assertThat(region.press(3000, 2000, 10, true)).isTrue();
        region.drag(3500, 2500);
        assertThat(region.regionProperty().get()).as("not analysed before the release").isNull();
        assertThat(region.shownProperty().get()).isEqualTo(Region.user(3000, 2000, 500, 500));
        region.drag(5000, -20);
        region.release();

        assertThat(region.regionProperty().get()).isEqualTo(Region.user(3000, 0, 1000, 2000));
        assertThat(changes).isEqualTo(1);
        assertThat(region.textProperty().get()).contains("3000,0,1000,2000", "Esc");
    }

    @Test
    void theToolDrawsWithoutShiftAndTurnsItselfOffAfterwards() {
        region.selectingProperty().set(true);

        assertThat(region.press(10, 10, 10, false)).isTrue();
        region.drag(400, 300);
        region.release();

        assertThat(region.regionProperty().get()).isEqualTo(Region.user(10, 10, 390, 290));
        assertThat(region.selectingProperty().get()).isFalse();
    }

    @Test
    void aBoxBelowTheSmallestSideIsRefusedSayingWhyAndTheOldOneStays() {
        region.select(Region.user(0, 0, 500, 500));
        changes = 0;

        region.press(1000, 1000, 10, true);
        region.drag(1020, 1400);
        region.release();

        assertThat(region.regionProperty().get()).isEqualTo(Region.user(0, 0, 500, 500));
        assertThat(region.shownProperty().get()).isEqualTo(Region.user(0, 0, 500, 500));
        assertThat(region.textProperty().get()).contains("only 20 x 400", "at least 32");
        assertThat(changes).isZero();
    }

    @Test
    void aCornerHandleResizesWithoutShiftAndShiftInsideMovesTheBoxWithinThePhoto() {
        region.select(Region.user(1000, 1000, 1000, 1000));

        assertThat(region.press(2005, 1995, 10, false)).as("the bottom right handle").isTrue();
        region.drag(2500, 2200);
        region.release();
        assertThat(region.regionProperty().get()).isEqualTo(Region.user(1000, 1000, 1500, 1200));

        assertThat(region.press(1500, 1500, 10, false)).as("inside, without Shift: the photo pans").isFalse();
        assertThat(region.press(1500, 1500, 10, true)).isTrue();
        region.drag(4500, 1600);
        region.release();
        assertThat(region.regionProperty().get()).isEqualTo(Region.user(2500, 1100, 1500, 1200));
    }

    @Test
    void escClearsAndReanalysesOnceAndANewPhotoClearsWithoutReanalysing() {
        region.select(Region.user(0, 0, 100, 100));
        region.clear();
        region.clear();
        assertThat(region.regionProperty().get()).isNull();
        assertThat(changes).isEqualTo(2);

        region.select(Region.user(0, 0, 100, 100));
        picture.set(new DisplayPicture(new ArgbPixels(10, 10, new int[100]), 640, 480, "png"));
        assertThat(region.regionProperty().get()).isNull();
        assertThat(region.shownProperty().get()).isNull();
        assertThat(changes).isEqualTo(3);
    }

    @Test
    void withNoPhotoNothingIsTaken() {
        picture.set(null);

        assertThat(region.press(10, 10, 10, true)).isFalse();
    }

    @Test
    void theFaceButtonAsksForTheLargestFaceDrawsWhereItWasAndEscGoesBackToTheWholePhoto() throws Exception {
        TestFiles.faceDetectorPackage();
        Path astronaut = TestFiles.photo("skimage_astronaut.png");
        picture.set(new DisplayPicture(new ArgbPixels(32, 32, new int[32 * 32]), 512, 512, "png"));
        try (Analyzer analyzer = Engine.create(AppPaths.current(), List.of()).open(
                ModelRequest.model("haski-reference").withThreads(ThreadBudget.single()))) {
            region.selectLargestFace();

            assertThat(changes).isEqualTo(1);
            assertThat(region.largestFaceProperty().get()).isTrue();
            assertThat(region.textProperty().get()).startsWith("Looking for the largest face");
            Analysis result = (Analysis) region.analysis(analyzer, astronaut).call();
            outcome.set(result);

            assertThat(result.region().source()).isEqualTo(Region.Source.FACE);
            assertThat(region.shownProperty().get()).isEqualTo(result.region());
            assertThat(region.textProperty().get()).contains(result.region().toText(), "Esc");

            region.clear();

            assertThat(changes).isEqualTo(2);
            assertThat(region.largestFaceProperty().get()).isFalse();
            assertThat(region.shownProperty().get()).isNull();
            assertThat(((Analysis) region.analysis(analyzer, astronaut).call()).region().source())
                    .isEqualTo(Region.Source.WHOLE);
        }
    }
}
