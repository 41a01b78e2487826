package ai.haski.desktop.ui.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZoomTest {

    @Test
    void fitShowsTheWholePhotoByItsTighterSide() {
        assertThat(Zoom.fit(4000, 3000, 800, 600)).isEqualTo(0.2);
        assertThat(Zoom.fit(3000, 4000, 800, 600)).isEqualTo(0.15);
    }

    @Test
    void fitNeverEnlargesASmallPhoto() {
        assertThat(Zoom.fit(200, 100, 1920, 1080)).isEqualTo(1);
    }

    @Test
    void aSmallerPictureIsCentredAndALargerOneLeavesNoEmptyMargin() {
        assertThat(Zoom.clampOffset(-50, 400, 800)).isEqualTo(200);
        assertThat(Zoom.clampOffset(100, 2000, 800)).isEqualTo(0);
        assertThat(Zoom.clampOffset(-1500, 2000, 800)).isEqualTo(-1200);
        assertThat(Zoom.clampOffset(-300, 2000, 800)).isEqualTo(-300);
    }

    @Test
    void zoomingKeepsThePointUnderThePointerInPlace() {
        double offset = 10;
        double anchor = 110;
        double pictureX = (anchor - offset) / 0.5;
        double newOffset = Zoom.offsetKeepingAnchor(offset, anchor, 0.5, 2);
        assertThat(newOffset + pictureX * 2).isCloseTo(anchor, within(1e-9));
    }

    @Test
    void zoomIsClamped() {
        assertThat(Zoom.clamp(100)).isEqualTo(Zoom.MAX);
        assertThat(Zoom.clamp(0)).isEqualTo(Zoom.MIN);
    }
}
