package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.session.BatchState;
import ai.haski.desktop.session.evaluation.HeadEvaluation;
import ai.haski.desktop.session.evaluation.ModelEvaluation;
import ai.haski.desktop.ui.evaluation.EvaluationViewModel;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.session.ReviewRow;
import ai.haski.desktop.ui.session.RowFilter;
import ai.haski.desktop.ui.session.SessionViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Session > Evaluate in the real window under Monocle, on a real session of public photos analysed by the reference
 * model and reviewed through the window's ViewModel: the Evaluation window opens, follows a verdict given while it is
 * open, and a click on a confusion cell filters the main window's table to that cell's photos; then, in blinded
 * reading, a head's model answer stays hidden until the reviewer's label is saved, and the view counts the blind
 * verdict alone. Writes {@code target/ui-snapshots/evaluation.png} and {@code session-blinded.png}, the screenshots
 * in docs/EVALUATION.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationWindowTest {
    private static final List<String> PHOTOS = List.of("skimage_camera.png", "skimage_coins.png",
            "phone_debian_logo.jpg", "skimage_chelsea.png", "skimage_astronaut.png", "skimage_coffee.png",
            "skimage_rocket.jpg", "phone_IMG_1054.JPG");
    private static final String HEAD = "skin_type";

    @TempDir
    static Path temp;
    private static TestWindow window;
    private static Stage stage;
    private static MainViewModel main;
    private static SessionViewModel session;

    @BeforeAll
    static void showWindow() throws Exception {
        window = TestWindow.show(temp, List.of(), started -> started.session().reviewer().setName("UI Tester"));
        stage = window.stage();
        main = window.main();
        session = window.context().session();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        fx(() -> {
            evaluationStage().hide();
            return null;
        });
        window.close();
    }

    @Test
    @Order(1)
    void theEvaluationWindowFollowsTheVerdictsAndItsCellsFilterTheTable() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("clinic"));
        for (String name : PHOTOS) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }
        fx(() -> {
            session.openFolder(folder);
            return null;
        });
        waitUntil("the session's rows", () -> session.table().rows().size() == PHOTOS.size());
        fx(() -> {
            ((Button) FxProbe.lookup(stage, "#analyseAll")).fire();
            return null;
        });
        waitUntil("the batch to finish", () -> !session.batchRunningProperty().get()
                && session.batch().lastProgressProperty().get() != null
                && session.batch().lastProgressProperty().get().state() == BatchState.FINISHED);
        for (String file : List.of("skimage_camera.png", "skimage_coins.png", "phone_debian_logo.jpg",
                "skimage_chelsea.png")) {
            verdict(file, null);
        }
        String truth = otherLabel("skimage_astronaut.png");
        verdict("skimage_astronaut.png", truth);

        fx(() -> {
            MenuItem evaluate = menuItem("evaluateSession");
            assertThat(evaluate.isDisable()).isFalse();
            evaluate.fire();
            return null;
        });
        waitUntil("the Evaluation window with five verdicts", () -> evaluationStage() != null
                && evaluationStage().isShowing() && head() != null && head().n() == 5);
        Stage evaluation = evaluationStage();
        assertThat(text(evaluation, "#accuracy-" + HEAD)).startsWith("n = 5 · accuracy 80 % (4 of 5; 95 % interval");
        assertThat(text(evaluation, "#evaluationTruth")).contains("on 5 photos");
        assertThat(fx(() -> evaluation.getScene().getRoot().lookup("#reliability-" + HEAD))).isNotNull();

        // A verdict given while the window is open shows in it without reopening.
        verdict("skimage_coffee.png", null);
        waitUntil("the sixth verdict counted", () -> head().n() == 6);
        assertThat(text(evaluation, "#accuracy-" + HEAD)).startsWith("n = 6 · accuracy 83 % (5 of 6;");

        String predicted = fx(() -> row("skimage_astronaut.png").label(HEAD));
        int i = fx(() -> head().labels().indexOf(truth));
        int j = fx(() -> head().labels().indexOf(predicted));
        Node cell = fx(() -> evaluation.getScene().getRoot().lookup("#confusion-" + HEAD + "-" + i + "-" + j));
        assertThat(fx(() -> ((Button) cell).getText())).isEqualTo("1");
        fx(() -> {
            ((Button) cell).fire();
            return null;
        });
        waitUntil("the table filtered to the cell", () -> session.table().filterProperty().get()
                == RowFilter.EVALUATION_CELL);
        assertThat(fx(() -> session.table().sortedRows().stream().map(ReviewRow::file).toList()))
                .containsExactly("skimage_astronaut.png");
        assertThat(text(stage, "#rowCount")).isEqualTo("1 of " + PHOTOS.size() + " photos");
        assertThat(text(stage, "#cellFilter")).contains("truth").contains("model");

        WaitForAsyncUtils.waitForFxEvents();
        FxProbe.snapshot(evaluation, "evaluation");
    }

    @Test
    @Order(2)
    void inBlindedReadingTheAnswerShowsOnlyAfterTheLabelAndTheViewCountsBlindVerdicts() throws Exception {
        fx(() -> {
            session.table().filterProperty().set(RowFilter.ALL);
            // As a click on the menu does: the check mark toggles, then the item's action runs.
            javafx.scene.control.CheckMenuItem blinded = (javafx.scene.control.CheckMenuItem) menuItem("blindedReading");
            blinded.setSelected(!blinded.isSelected());
            blinded.fire();
            return null;
        });
        waitUntil("the session reopened in blinded reading", () -> session.blindedProperty().get()
                && session.table().rows().size() == PHOTOS.size());
        assertThat(fx(() -> ((javafx.scene.control.CheckMenuItem) menuItem("blindedReading")).isSelected())).isTrue();
        String file = "skimage_rocket.jpg";
        fx(() -> {
            session.review().select(row(file));
            return null;
        });
        waitUntil("the heads of " + file, () -> !session.review().heads().isEmpty()
                && session.review().selectedProperty().get().file().equals(file));
        assertThat(text(stage, "#head-title-" + HEAD)).endsWith("model's answer hidden until you give your label");
        assertThat(fx(() -> ((javafx.scene.control.TableView<?>) FxProbe.lookup(stage, "#sessionTable")).getColumns()
                .stream().filter(column -> ("head-" + HEAD).equals(column.getId())).findFirst().orElseThrow()
                .isVisible())).as("the table's column of the model's labels").isFalse();
        FxProbe.snapshot(stage, "session-blinded");

        String label = fx(() -> session.review().heads().get(0).labels().get(0));
        fx(() -> {
            session.review().override(HEAD, label);
            return null;
        });
        waitUntil("the model's answer shown after the label", () -> !text(stage, "#head-title-" + HEAD)
                .contains("hidden"));
        assertThat(text(stage, "#head-title-" + HEAD)).contains("%");

        Stage evaluation = evaluationStage();
        fx(() -> {
            ((javafx.scene.control.CheckBox) evaluation.getScene().getRoot().lookup("#evaluationBlindOnly")).fire();
            return null;
        });
        waitUntil("the blind verdict alone counted", () -> head() != null && head().n() == 1
                && text(evaluation, "#evaluationTruth").contains("blind verdicts"));
        assertThat(text(evaluation, "#accuracy-" + HEAD)).startsWith("n = 1 · accuracy");
    }

    private static MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    /** Accepts every head of the photo, or, with a label, overrides the skin type with it; waits until saved. */
    private static void verdict(String file, String skinLabel) throws Exception {
        fx(() -> {
            session.review().select(row(file));
            return null;
        });
        waitUntil("the heads of " + file, () -> !session.review().heads().isEmpty()
                && session.review().selectedProperty().get().file().equals(file));
        fx(() -> {
            if (skinLabel == null) {
                session.review().acceptAll();
            } else {
                session.review().override(HEAD, skinLabel);
            }
            return null;
        });
        waitUntil("the verdict on " + file, () -> row(file).reviewState()
                != ai.haski.desktop.session.ReviewState.UNREVIEWED);
    }

    private static String otherLabel(String file) throws Exception {
        return fx(() -> {
            String given = row(file).label(HEAD);
            // The labels from the stored result, not the review pane, which reloads its heads after each verdict.
            return row(file).result().orElseThrow().labels(HEAD).stream().filter(label -> !label.equals(given))
                    .findFirst().orElseThrow();
        });
    }

    private static ReviewRow row(String file) {
        return session.table().rows().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    private static HeadEvaluation head() {
        ModelEvaluation shown = evaluationModel().shownProperty().get();
        return shown == null ? null : shown.heads().stream().filter(h -> h.head().equals(HEAD)).findFirst()
                .orElse(null);
    }

    private static EvaluationViewModel evaluationModel() {
        return session.evaluation();
    }

    private static Stage evaluationStage() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Evaluation".equals(s.getTitle()))
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    private static String text(Stage on, String selector) throws Exception {
        return fx(() -> ((Label) on.getScene().getRoot().lookup(selector)).getText());
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return FxProbe.fx(action);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        FxProbe.waitUntil(what, condition, () -> "notice: " + main.noticeProperty().get());
    }
}
