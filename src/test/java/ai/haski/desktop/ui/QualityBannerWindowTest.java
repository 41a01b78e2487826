package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.ui.main.MainViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real main window on the reference model: a dark copy of a real photo gets the quality banner above its
 * result, naming the problem; the original photo gets none.
 */
class QualityBannerWindowTest {
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
    void aPoorPhotoShowsItsProblemsAboveTheResultAndAGoodOneDoesNot() throws Exception {
        Path original = TestFiles.photo("skimage_astronaut.png");
        Path dark = temp.resolve("astronaut-dark.png");
        BufferedImage picture = ImageIO.read(original.toFile());
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                picture.setRGB(x, y, ((((rgb >> 16) & 0xFF) / 5) << 16) | ((((rgb >> 8) & 0xFF) / 5) << 8)
                        | ((rgb & 0xFF) / 5));
            }
        }
        ImageIO.write(picture, "png", dark.toFile());

        openAndWait(dark);
        assertThat(FxProbe.text(stage, "#qualityBanner")).startsWith("Poor photo quality")
                .contains("too dark").contains("add light");
        Node banner = FxProbe.lookup(stage, "#qualityBanner");
        assertThat(fx(banner::isVisible)).isTrue();
        Node heads = FxProbe.lookup(stage, "#resultHeads");
        // Above the result: nearer the top of the pane than the first head.
        assertThat(fx(() -> banner.localToScene(0, 0).getY() < heads.localToScene(0, 0).getY())).isTrue();
        FxProbe.snapshot(stage, "quality-banner-too-dark");

        openAndWait(original);
        assertThat(fx(banner::isVisible)).isFalse();
        assertThat(FxProbe.text(stage, "#qualityBanner")).isEmpty();
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

    private static <T> T fx(Callable<T> action) throws Exception {
        return FxProbe.fx(action);
    }
}
