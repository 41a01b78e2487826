package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.image.ImageLoader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG of a known map over a plain grey photo: its size, and which cells are red and which blue. */
class ExplainPngTest {
    @TempDir
    Path dir;

    /** A 2000 x 1000 grey photo (scaled to 1024 x 512) with a 2 x 4 map: cell (0, 0) for, (1, 3) against. */
    @Test
    void aCellThatSupportsTheLabelIsRedderThanOneThatArguesAgainstIt() throws Exception {
        BufferedImage grey = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = grey.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 2000, 1000);
        g.dispose();
        Path photo = dir.resolve("grey.png");
        ImageIO.write(grey, "png", photo.toFile());
        float[][] values = {{0.2f, 0.0f, 0.05f, 0.0f}, {0.0f, 0.0f, 0.0f, -0.2f}};
        OcclusionMap map = new OcclusionMap("skin_type", "dry", 0.6f, values, new double[] {0, 500, 1000, 1500, 2000},
                new double[] {0, 500, 1000});
        Provenance provenance = new Provenance("m", "M", "1", "0".repeat(64), "onnx", "onnxruntime", "1", false);
        Explanation explanation = new Explanation(photo, provenance, new ImageFacts(2000, 1000, 1, "png"), map,
                new ExplainTimings(1, 1, 1, 1, 4, 8), List.of(), Region.whole(2000, 1000));

        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(
                ExplainPng.toPng(explanation, new ImageLoader())));

        assertThat(picture.getWidth()).isEqualTo(1024);
        assertThat(picture.getHeight()).isEqualTo(512 + ExplainPng.LEGEND_HEIGHT);
        Color supports = new Color(picture.getRGB(128, 128));
        Color against = new Color(picture.getRGB(896, 384));
        Color neutral = new Color(picture.getRGB(384, 128));
        Color weak = new Color(picture.getRGB(640, 128));
        assertThat(redness(supports)).isGreaterThan(redness(weak)).isGreaterThan(redness(neutral))
                .isGreaterThan(redness(against));
        assertThat(neutral).as("a cell with no effect shows the photo").isEqualTo(new Color(128, 128, 128));
        assertThat(against.getBlue()).isGreaterThan(against.getRed());
    }

    @Test
    void theScaleIsSymmetricAroundZero() {
        Color plus = ExplainPng.colourOf(0.1, 0.2);
        Color minus = ExplainPng.colourOf(-0.1, 0.2);
        assertThat(plus.getAlpha()).isEqualTo(minus.getAlpha()).isPositive();
        assertThat(ExplainPng.colourOf(0, 0.2).getAlpha()).isZero();
        assertThat(ExplainPng.colourOf(0.2, 0.2).getAlpha()).isGreaterThan(plus.getAlpha());
    }

    private static int redness(Color colour) {
        return colour.getRed() - colour.getBlue();
    }
}
