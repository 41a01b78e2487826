package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.ui.session.SessionViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** A session whose result is of a region shows that region on the photo when it is opened again in the window. */
class SessionRegionWindowTest {
    @TempDir
    static Path temp;
    private static TestWindow window;
    private static Stage stage;
    private static SessionViewModel session;

    @BeforeAll
    static void showWindow() throws Exception {
        window = TestWindow.show(temp, List.of(), started -> started.session().reviewer().setName("UI Tester"));
        stage = window.stage();
        session = window.context().session();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        window.close();
    }

    @Test
    void reopeningASessionShowsTheRegionItsResultIsOf() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("visit"));
        Files.copy(TestFiles.photo("skimage_astronaut.png"), folder.resolve("astronaut.png"));
        Region box = Region.user(120, 60, 240, 280);
        try (ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
                Analyzer analyzer = TestAnalyzers.over(model, new ImageLoader());
                Session stored = Session.open(folder, AppPaths.current())) {
            stored.rescan();
            Photo photo = stored.photos().byPath("astronaut.png").orElseThrow();
            Analysis analysis = (Analysis) analyzer.analyze(folder.resolve("astronaut.png"), box);
            stored.results().replace(photo, analysis, analysis.provenance(), photo.sizeBytes(),
                    photo.modifiedMillis());
        }

        FxProbe.fx(() -> {
            session.openFolder(folder);
            return null;
        });
        FxProbe.waitUntil("the photo in the review pane", () -> session.review().selectedProperty().get() != null
                && session.review().pictureProperty().get() != null, () -> "rows: " + session.table().rows().size());
        WaitForAsyncUtils.waitForFxEvents();

        Rectangle outline = FxProbe.fx(() -> stage.getScene().getRoot().lookupAll("#regionOutline").stream()
                .filter(Node::isVisible).filter(node -> node.getParent().isVisible())
                .map(Rectangle.class::cast).findFirst().orElseThrow());
        assertThat(outline.getX()).isEqualTo(box.x());
        assertThat(outline.getY()).isEqualTo(box.y());
        assertThat(outline.getWidth()).isEqualTo(box.width());
        assertThat(outline.getHeight()).isEqualTo(box.height());
        FxProbe.snapshot(stage, "session-region");
    }
}
