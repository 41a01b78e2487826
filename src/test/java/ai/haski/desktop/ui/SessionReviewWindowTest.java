package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.session.BatchProgress;
import ai.haski.desktop.session.BatchState;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.StoredResult;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.models.ModelChoice;
import ai.haski.desktop.ui.session.ReviewRow;
import ai.haski.desktop.ui.session.RowFilter;
import ai.haski.desktop.ui.session.SessionViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The session screen's batch controls and review views in the real window under Monocle: pause, resume and cancel
 * on a folder of generated photos (each result stored once); the thumbnail grid (a broken photo's placeholder,
 * selection by click and keys); two models' disagreements in the table. The last two write the README's
 * screenshots to {@code target/ui-snapshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionReviewWindowTest {
    private static final List<String> PHOTOS = List.of("skimage_camera.png", "skimage_coins.png",
            "phone_debian_logo.jpg", "skimage_chelsea.png", "broken_skimage_truncated.jpg", "skimage_astronaut.png",
            "skimage_coffee.png", "skimage_rocket.jpg", "phone_IMG_1054.JPG", "skimage_motorcycle_left.png",
            "skimage_retina.jpg", "skimage_hubble_deep_field.jpg");

    @TempDir
    static Path temp;
    private static DesktopContext context;
    private static MainViewModel main;
    private static SessionViewModel session;
    private static Stage stage;
    private static TestWindow window;

    @BeforeAll
    static void showWindow() throws Exception {
        Path models = temp.resolve("models");
        SecondModelPackages.otherSeedIn(models);
        window = TestWindow.show(temp, List.of(models), started -> started.session().reviewer().setName("UI Tester"));
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
    @Order(1)
    void theBatchPausesResumesAndCancelsAndStoresEachResultOnce() throws Exception {
        Path folder = temp.resolve("generated");
        GeneratedJpegs.write(folder, 240, 800, 600);
        fx(() -> {
            session.openFolder(folder);
            return null;
        });
        waitUntil("the session's rows", () -> session.table().rows().size() == 240);

        click("#analyseAll");
        waitUntil("a few photos analysed", () -> done() >= 3);
        click("#pauseBatch");
        waitUntil("the batch to say it is paused", () -> state() == BatchState.PAUSED);
        assertThat(fx(() -> ((Button) lookup("#pauseBatch")).getText())).isEqualTo("Resume");
        // Photos in flight when Pause was pressed may still finish and be saved (the desktop's batch runs at most four
        // at once); no new one may start. The count is read after the PAUSED state reached the UI thread, so every
        // earlier photo is in it. The wait is only how long we watch for a wrong start: a slow machine that finishes
        // its in-flight photos late still passes, where a fixed "they are done within a second" did not.
        int atPause = done();
        Thread.sleep(2500);
        int paused = done();
        assertThat(paused).as("only the photos in flight at Pause finished after it").isBetween(atPause, atPause + 4);
        assertThat(paused).isLessThan(240);

        click("#pauseBatch");
        waitUntil("the batch to go on after Resume", () -> done() > paused);
        click("#cancelBatch");
        waitUntil("the batch to stop", () -> !session.batchRunningProperty().get()
                && state() == BatchState.CANCELLED);
        BatchProgress last = fx(() -> session.batch().lastProgressProperty().get());
        assertThat(last.done()).isGreaterThan(paused).isLessThan(240);

        ModelKey model = ModelKey.of(main.models().analyzerProperty().get().provenance());
        List<StoredResult> stored = session.sessionProperty().get().results().byModel(model);
        Set<Long> photos = new HashSet<>();
        stored.forEach(result -> assertThat(photos.add(result.photoId())).as("one result per photo").isTrue());
        assertThat(stored).hasSize(last.done());
        assertThat(fx(() -> session.table().rows().stream().filter(ReviewRow::analysed).count())).isEqualTo(last.done());
    }

    @Test
    @Order(2)
    void theGridShowsThumbnailsAPlaceholderForABrokenPhotoAndFollowsTheSelection() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("clinic"));
        for (String name : PHOTOS) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }
        fx(() -> {
            session.openFolder(folder);
            return null;
        });
        waitUntil("the session's rows", () -> session.table().rows().size() == PHOTOS.size()
                && session.sessionProperty().get().root().endsWith("clinic"));
        analyseAll();
        reviewSome();
        assertThat(fx(() -> ((javafx.scene.control.TableView<?>) lookup("#sessionTable")).getColumns().stream()
                .filter(column -> column.getText().equals("Skin type")).count()))
                .as("a second folder with the same heads adds no columns twice").isEqualTo(1L);

        fx(() -> {
            ((ToggleButton) lookup("#showGrid")).fire();
            return null;
        });

        assertThat(fx(() -> lookup("#sessionGrid").isVisible() && !lookup("#sessionTable").isVisible())).isTrue();
        waitUntil("every thumbnail on screen", () -> {
            List<Node> cells = stage.getScene().getRoot().lookupAll(".thumbnail-cell").stream()
                    .filter(cell -> cell.isVisible() && hasItem(cell)).toList();
            return cells.size() >= 6 && cells.stream().allMatch(cell ->
                    ((ImageView) cell.lookup(".image-view")).getImage() != null
                    || !((Label) cell.lookup(".thumbnail-placeholder")).getText().isEmpty());
        });
        Node broken = cellOf("broken_skimage_truncated.jpg");
        assertThat(fx(() -> ((Label) broken.lookup(".thumbnail-placeholder")).getText())).isEqualTo("⚠ Cannot be read");
        assertThat(fx(() -> ((Label) broken.lookup(".thumbnail-badge")).getText())).startsWith("⚠ ");

        Node coins = cellOf("skimage_coins.png");
        fx(() -> {
            coins.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, MouseButton.PRIMARY, 1, false, false,
                    false, false, true, false, false, true, false, false, null));
            return null;
        });
        waitUntil("the clicked photo in the review pane", () -> "skimage_coins.png".equals(selectedFile()));
        assertThat(fx(() -> coins.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")))).isTrue();

        fx(() -> {
            lookup("#sessionGrid").requestFocus();
            return null;
        });
        String next = fx(() -> session.table().sortedRows().get(session.table().sortedRows().indexOf(session.review().selectedProperty().get())
                + 1).file());
        new FxRobot().type(KeyCode.J);
        waitUntil("J to move to the next photo", () -> next.equals(selectedFile()));
        waitUntil("the grid to mark it", () -> cellOf(next).getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("selected")));
        fx(() -> {
            session.review().select(session.table().rows().stream().filter(r -> r.file().equals("skimage_chelsea.png")).findFirst()
                    .orElseThrow());
            return null;
        });
        waitUntil("the review pane's picture", () -> session.review().pictureProperty().get() != null
                && !session.review().heads().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        snapshot("session-grid");
    }

    @Test
    @Order(3)
    void theTableShowsWhereTwoModelsDisagreeWithBothLabels() throws Exception {
        ModelChoice other = fx(() -> main.models().modelChoices().stream()
                .filter(choice -> choice.id().equals(SecondModelPackages.ID)).findFirst().orElseThrow());
        fx(() -> {
            main.models().chooseModel(other);
            return null;
        });
        waitUntil("the second model", () -> !main.models().isLoading() && main.models().analyzerProperty().get()
                .provenance().modelId().equals(SecondModelPackages.ID));
        analyseAll();
        waitUntil("both models listed", () -> session.comparison().sessionModels().size() == 2);

        fx(() -> {
            ((ToggleButton) lookup("#showTable")).fire();
            session.table().filterProperty().set(RowFilter.MODELS_DISAGREE);
            return null;
        });
        waitUntil("the disagreements", () -> !session.comparison().disagreementsProperty().get().isEmpty());
        int rows = fx(() -> session.table().sortedRows().size());
        assertThat(rows).isEqualTo(session.comparison().disagreementsProperty().get().size()).isLessThan(PHOTOS.size());
        String first = fx(() -> session.comparison().disagreementText(session.table().sortedRows().get(0)));
        assertThat(first).contains(" ≠ ");
        assertThat(text("#sessionStatus")).startsWith(PHOTOS.size() + " photos · " + PHOTOS.size() + " analysed");
        assertThat(text("#sessionModel")).contains("seed 7");
        // The runtime picker follows the new model, though its "Automatic" choice equals the last model's.
        assertThat(fx(() -> ((javafx.scene.control.ComboBox<?>) lookup("#runtimePicker")).getValue()))
                .isEqualTo(main.models().activeRuntimeChoiceProperty().get()).isNotNull();
        // Wider table for the screenshot, as a reviewer comparing models would drag the divider.
        fx(() -> {
            ((javafx.scene.control.SplitPane) lookup("#sessionSplit")).setDividerPositions(0.74);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        snapshot("session-disagreements");
    }

    @Test
    @Order(4)
    void theReviewPaneExplainsTheSelectedPhotoOverItsPicture() throws Exception {
        fx(() -> {
            ((ToggleButton) lookup("#showTable")).fire();
            session.table().filterProperty().set(RowFilter.ALL);
            session.review().select(session.table().rows().stream()
                    .filter(r -> r.file().equals("skimage_astronaut.png")).findFirst().orElseThrow());
            return null;
        });
        waitUntil("the astronaut's heads and an explainable result", () -> !session.review().heads().isEmpty()
                && session.review().pictureProperty().get() != null && session.explain().canExplainProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        click("#reviewExplain-skin_type", ToggleButton.class);
        waitUntil("the map", () -> session.explain().mapProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(session.explain().mapProperty().get().head()).isEqualTo("skin_type");
        assertThat(fx(() -> ((ToggleButton) lookup("#reviewExplain-skin_type")).isSelected())).isTrue();
        assertThat(fx(() -> ((ToggleButton) lookup("#reviewExplain-hair_type")).isSelected())).isFalse();
        assertThat(fx(() -> stage.getScene().getRoot().lookupAll("#explainOverlay").stream()
                .filter(Node::isVisible).filter(node -> isInside(node, reviewPane())).count()))
                .as("the map drawn over the review pane's picture").isEqualTo(1);
        assertThat(fx(() -> stage.getScene().getRoot().lookupAll("#explainLegend").stream()
                .anyMatch(Node::isVisible))).isTrue();
        snapshot("session-explain");

        click("#reviewExplain-skin_type", ToggleButton.class);
        waitUntil("the map cleared", () -> session.explain().mapProperty().get() == null);
    }

    /** The review pane: the split pane of picture and details that holds the selected photo's name. */
    private static Node reviewPane() {
        Node n = lookup("#reviewFile");
        while (!(n instanceof javafx.scene.control.SplitPane)) {
            n = n.getParent();
        }
        return n;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void analyseAll() throws Exception {
        click("#analyseAll");
        waitUntil("the batch to finish", () -> !session.batchRunningProperty().get()
                && session.batch().lastProgressProperty().get() != null
                && session.batch().lastProgressProperty().get().state() == BatchState.FINISHED);
    }

    /** A few verdicts and a flag, so that the badges show every state. */
    private static void reviewSome() throws Exception {
        for (String name : List.of("skimage_astronaut.png", "skimage_coffee.png")) {
            fx(() -> {
                session.review().select(session.table().rows().stream().filter(r -> r.file().equals(name)).findFirst().orElseThrow());
                return null;
            });
            waitUntil("the heads of " + name, () -> !session.review().heads().isEmpty());
            fx(() -> {
                if (name.equals("skimage_astronaut.png")) {
                    session.review().acceptAll();
                } else {
                    session.review().toggleFlag();
                }
                return null;
            });
            waitUntil("the verdict on " + name, () -> session.table().rows().stream().filter(r -> r.file().equals(name))
                    .findFirst().orElseThrow().reviewState() != ai.haski.desktop.session.ReviewState.UNREVIEWED);
        }
    }

    private static boolean hasItem(Node cell) {
        return cell instanceof org.controlsfx.control.GridCell<?> grid && grid.getItem() != null;
    }

    private static Node cellOf(String file) throws Exception {
        return fx(() -> stage.getScene().getRoot().lookupAll(".thumbnail-cell").stream()
                .filter(cell -> cell instanceof org.controlsfx.control.GridCell<?> grid && grid.getItem() != null
                        && ((ReviewRow) grid.getItem()).file().equals(file))
                .findFirst().orElseThrow(() -> new AssertionError("no grid cell shows " + file)));
    }

    private static int done() throws Exception {
        return fx(() -> session.batch().lastProgressProperty().get() == null ? 0 : session.batch().lastProgressProperty().get().done());
    }

    private static BatchState state() throws Exception {
        return fx(() -> session.batch().lastProgressProperty().get() == null ? null
                : session.batch().lastProgressProperty().get().state());
    }

    private static void click(String selector) throws Exception {
        click(selector, Button.class);
    }

    private static void click(String selector, Class<? extends javafx.scene.control.ButtonBase> type)
            throws Exception {
        fx(() -> {
            type.cast(lookup(selector)).fire();
            return null;
        });
    }

    private static String selectedFile() throws Exception {
        return fx(() -> session.review().selectedProperty().get() == null ? null : session.review().selectedProperty().get().file());
    }

    private static void snapshot(String name) throws Exception {
        FxProbe.snapshot(stage, name);
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
        FxProbe.waitUntil(what, condition, () -> "notice: " + main.noticeProperty().get() + "; progress: "
                + session.batch().progressTextProperty().get());
    }
}
