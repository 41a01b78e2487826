package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.session.BatchState;
import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.SessionExport;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.session.ReviewRow;
import ai.haski.desktop.ui.session.RowFilter;
import ai.haski.desktop.ui.session.SessionViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A folder review session in the real window under Monocle: a folder is dropped, the batch runs with the reference
 * model, one photo is accepted and another overridden with the keyboard, and the export holds both verdicts.
 */
class SessionWindowTest {
    private static final List<String> PHOTOS = List.of("skimage_camera.png", "skimage_coins.png",
            "phone_debian_logo.jpg", "skimage_chelsea.png", "broken_skimage_truncated.jpg");

    @TempDir
    static Path temp;
    private static DesktopContext context;
    private static MainViewModel main;
    private static SessionViewModel session;
    private static Stage stage;
    private static TestWindow window;

    @BeforeAll
    static void showWindow() throws Exception {
        // Asked once and remembered; set here so that the name dialog does not wait for a person.
        window = TestWindow.show(temp, List.of(), started -> started.session().reviewer().setName("UI Tester"));
        stage = window.stage();
        context = window.context();
        main = window.main();
        session = context.session();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        window.close();
    }

    @Test
    void aDroppedFolderIsAnalysedReviewedWithTheKeyboardAndExported() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("clinic"));
        for (String name : PHOTOS) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }

        assertThat(drag(DragEvent.DRAG_OVER, folder)).isEqualTo(TransferMode.COPY);
        assertThat(text("#dropHint")).isEqualTo("Drop to open clinic as a review session");
        drag(DragEvent.DRAG_DROPPED, folder);
        waitUntil("the session's rows", () -> session.table().rows().size() == PHOTOS.size());
        assertThat(fx(() -> lookup("#sessionTable").isVisible())).isTrue();

        fx(() -> {
            ((Button) lookup("#analyseAll")).fire();
            return null;
        });
        waitUntil("the batch to finish", () -> !session.batchRunningProperty().get()
                && session.batch().lastProgressProperty().get() != null
                && session.batch().lastProgressProperty().get().state() == BatchState.FINISHED);
        assertThat(text("#batchProgressText")).startsWith("5 of 5 analysed, 1 failed");
        assertThat(fx(() -> session.table().rows().stream().allMatch(ReviewRow::analysed))).isTrue();
        assertQualityColumnAndFilter();

        // Rows are in path order: the broken photo first, then phone_debian_logo.jpg, then skimage_camera.png.
        fx(() -> {
            lookup("#sessionTable").requestFocus();
            return null;
        });
        FxRobot robot = new FxRobot();
        assertThat(selectedFile()).isEqualTo("broken_skimage_truncated.jpg");
        robot.type(KeyCode.J);
        waitUntil("the second photo", () -> "phone_debian_logo.jpg".equals(selectedFile()));
        robot.type(KeyCode.A);
        waitUntil("the accept to be saved and the next photo shown", () ->
                state("phone_debian_logo.jpg") == ReviewState.ACCEPTED && "skimage_camera.png".equals(selectedFile())
                && !session.review().heads().isEmpty());
        robot.type(KeyCode.L);
        String curly = fx(() -> session.review().heads().get(1).labels().get(2));
        robot.type(KeyCode.DIGIT3);
        waitUntil("the override to be saved", () -> state("skimage_camera.png") == ReviewState.OVERRIDDEN);
        waitUntil("the review pane to show it", () -> session.review().heads().get(1).current().isPresent());
        assertThat(text("#verdict-hair_type")).isEqualTo("overridden to " + curly + " by UI Tester");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("session-reviewed");

        Path exported = temp.resolve("review.json");
        fx(() -> {
            session.export().export(exported, SessionExport.Format.JSON);
            return null;
        });
        waitUntil("the export", () -> Files.exists(exported) && !session.export().exportingProperty().get());
        JsonNode photos = new ObjectMapper().readTree(exported.toFile()).get("photos");
        JsonNode accepted = photoNamed(photos, "phone_debian_logo.jpg").path("review");
        JsonNode overridden = photoNamed(photos, "skimage_camera.png").path("review");
        assertThat(accepted.path("state").asText()).isEqualTo("accepted");
        assertThat(accepted.path("verdicts").path("skin_type").path("action").asText()).isEqualTo("accept");
        assertThat(accepted.path("verdicts").path("skin_type").path("reviewer").asText()).isEqualTo("UI Tester");
        assertThat(overridden.path("state").asText()).isEqualTo("overridden");
        assertThat(overridden.path("verdicts").path("hair_type").path("action").asText()).isEqualTo("override");
        assertThat(overridden.path("verdicts").path("hair_type").path("label").asText()).isEqualTo(curly);
    }

    /**
     * The table's Quality column says "good" for the sharp, well-lit camera photo, and the "Poor photo quality"
     * filter keeps only the photo whose column names a problem; the filter is then set back.
     */
    @SuppressWarnings("unchecked")
    private static void assertQualityColumnAndFilter() throws Exception {
        javafx.scene.control.TableView<ReviewRow> table = lookup("#sessionTable");
        javafx.scene.control.TableColumn<ReviewRow, ?> quality = fx(() -> table.getColumns().stream()
                .filter(column -> "qualityColumn".equals(column.getId())).findFirst().orElseThrow());
        assertThat(fx(() -> quality.getText())).isEqualTo("Quality");
        ReviewRow camera = fx(() -> session.table().rows().stream().filter(r -> r.file().equals("skimage_camera.png"))
                .findFirst().orElseThrow());
        assertThat(fx(() -> quality.getCellData(camera))).isEqualTo("good");
        javafx.scene.control.ComboBox<RowFilter> filter = lookup("#rowFilter");
        fx(() -> {
            filter.setValue(RowFilter.POOR_QUALITY);
            return null;
        });
        // The Debian logo is a drawing on a white ground: most of it is blown white, as an overexposed photo's is.
        assertThat(fx(() -> table.getItems().stream().map(ReviewRow::file).toList()))
                .containsExactly("phone_debian_logo.jpg");
        assertThat(fx(() -> quality.getCellData(table.getItems().get(0)))).isEqualTo("overexposed");
        fx(() -> {
            filter.setValue(RowFilter.ALL);
            return null;
        });
        assertThat(fx(() -> table.getItems().size())).isEqualTo(PHOTOS.size());
    }

    private static JsonNode photoNamed(JsonNode photos, String name) {
        for (JsonNode photo : photos) {
            if (photo.path("file").asText().equals(name)) {
                return photo;
            }
        }
        throw new AssertionError("no photo " + name + " in the export");
    }

    private static String selectedFile() throws Exception {
        return fx(() -> session.review().selectedProperty().get() == null ? null : session.review().selectedProperty().get().file());
    }

    private static ReviewState state(String file) {
        return session.table().rows().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow().reviewState();
    }

    private static void snapshot(String name) throws Exception {
        FxProbe.snapshot(stage, name);
    }

    private static TransferMode drag(javafx.event.EventType<DragEvent> type, Path file) throws Exception {
        return FxProbe.drag(stage, type, file);
    }

    private static <T extends Node> T lookup(String selector) {
        return FxProbe.lookup(stage, selector);
    }

    private static String text(String selector) throws Exception {
        return FxProbe.text(stage, selector);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return FxProbe.fx(action);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        FxProbe.waitUntil(what, condition, () -> "notice: " + main.noticeProperty().get() + "; progress: " + session.batch().progressTextProperty().get());
    }
}
