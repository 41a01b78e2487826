package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.Launcher;
import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.platform.WindowBounds;
import ai.haski.desktop.ui.main.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
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
 * The window opened with what the command line names, under Monocle: {@code haski-desktop PHOTO}, {@code FOLDER} and
 * {@code A.jpg B.jpg} go through the launcher's own argument handling, then the app's own opening at start; and the
 * window's bounds are restored onto a visible screen and saved on close.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaunchWindowTest {
    private static final String PHOTO = "phone_IMG_1054.JPG";
    /** The two photos: other than PHOTO, which the window shows already when they are opened. */
    private static final String FIRST = "phone_debian_logo.jpg";
    private static final String SECOND = "skimage_chelsea.png";
    /** Where the window was last closed: on a second screen, right of this one, that is gone today. */
    private static final WindowBounds ON_A_SCREEN_NOW_GONE = new WindowBounds(1500, 60, 1100, 720, false);

    @TempDir
    static Path temp;
    private static TestWindow window;
    private static MainViewModel main;
    private static Stage stage;

    @BeforeAll
    static void showWindow() throws Exception {
        new SettingsStore(temp.resolve("settings.json")).saveWindowBounds("0,0 1280x800;1280,0 1920x1080",
                ON_A_SCREEN_NOW_GONE);
        window = TestWindow.showRemembering(temp, List.of(), started -> started.session().reviewer().setName("UI Tester"));
        main = window.main();
        stage = window.stage();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        window.close();
    }

    /** What {@code Launcher.main(args)} does up to the window: the launcher's parsing, then the app's opening. */
    private static void launch(String... args) throws Exception {
        List<List<Path>> asked = new ArrayList<>();
        int exit = Launcher.run(paths -> {
            asked.add(paths);
            return 0;
        }, args);
        assertThat(exit).isZero();
        assertThat(asked).hasSize(1);
        List<String> appArguments = List.of(DesktopMain.launchArguments(asked.get(0)));
        fx(() -> {
            HaskiApp.openAtLaunch(appArguments, main);
            return null;
        });
    }

    @Test
    @Order(1)
    void aWindowLastClosedOnAScreenThatIsGoneOpensWhollyOnThisOne() throws Exception {
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        Rectangle2D window = fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));

        assertThat(screen.contains(window)).as("%s lies on the screen %s", window, screen).isTrue();
        assertThat(window.getWidth()).isEqualTo(Math.min(ON_A_SCREEN_NOW_GONE.width(), screen.getWidth()));
        assertThat(window.getHeight()).isEqualTo(Math.min(ON_A_SCREEN_NOW_GONE.height(), screen.getHeight()));
        assertThat(window.getMaxX()).isEqualTo(screen.getMaxX());
    }

    @Test
    @Order(2)
    void aPhotoNamedOnTheCommandLineIsShownAndAnalysed() throws Exception {
        Path photo = TestFiles.photo(PHOTO);

        launch(photo.toString());

        waitUntil("the photo and its result", () -> resultFor(photo) && main.pictureProperty().get() != null);
        assertThat(stage.getTitle()).isEqualTo(PHOTO + " · Haski Desktop");
        assertThat(FxProbe.text(stage, "#resultHeading")).isEqualTo(PHOTO);
        assertThat(fx(() -> lookup("#photoSequence").isVisible())).as("no Next/Previous for one photo").isFalse();
    }

    @Test
    @Order(3)
    void aFolderNamedOnTheCommandLineOpensAsItsSession() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("clinic"));
        for (String name : List.of(PHOTO, SECOND, "skimage_coins.png")) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }

        launch(folder.toString());

        waitUntil("the session's rows", () -> main.session().table().rows().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> lookup("#sessionTable").isVisible())).isTrue();
        assertThat(stage.getTitle()).isEqualTo("clinic (session) · Haski Desktop");
    }

    @Test
    @Order(4)
    void twoPhotosNamedOnTheCommandLineAreSteppedThroughWithNextAndPrevious() throws Exception {
        Path first = TestFiles.photo(FIRST);
        Path second = TestFiles.photo(SECOND);

        launch(first.toString(), second.toString());

        waitUntil("the first photo and its result", () -> resultFor(first) && main.pictureProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> lookup("#photoSequence").isVisible())).isTrue();
        assertThat(FxProbe.text(stage, "#photoPosition")).isEqualTo("1 of 2");
        assertThat(fx(() -> lookup("#previousPhoto").isDisabled())).isTrue();
        assertThat(fx(() -> lookup("#nextPhoto").isDisabled())).isFalse();

        fx(() -> {
            stage.requestFocus();
            return null;
        });
        new FxRobot().push(KeyCode.ALT, KeyCode.RIGHT);

        waitUntil("the second photo and its result", () -> resultFor(second) && main.pictureProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxProbe.text(stage, "#photoPosition")).isEqualTo("2 of 2");
        assertThat(stage.getTitle()).isEqualTo(SECOND + " · Haski Desktop");
        assertThat(fx(() -> lookup("#nextPhoto").isDisabled())).isTrue();
        assertThat(fx(() -> lookup("#previousPhoto").isDisabled())).isFalse();
        FxProbe.snapshot(stage, "two-photos-second");

        fx(() -> {
            ((Button) lookup("#previousPhoto")).fire();
            return null;
        });
        waitUntil("the first photo again", () -> resultFor(first));
        assertThat(FxProbe.text(stage, "#photoPosition")).isEqualTo("1 of 2");
    }

    @Test
    @Order(5)
    void closingTheWindowSavesItsBoundsForTheseScreens() throws Exception {
        fx(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1050);
            stage.setHeight(710);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        fx(() -> {
            stage.hide();
            return null;
        });

        assertThat(window.settings().lastWindowBounds()).contains(new WindowBounds(40, 30, 1050, 710, false));
        assertThat(window.settings().load()).as("the model choice is kept beside them")
                .isEqualTo(new SettingsStore(temp.resolve("settings.json")).load());
    }

    private static boolean resultFor(Path photo) {
        return !main.models().isLoading() && main.result().outcomeProperty().get() instanceof Analysis analysis
                && analysis.file().equals(photo);
    }

    private static <T extends Node> T lookup(String selector) {
        return FxProbe.lookup(stage, selector);
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return FxProbe.fx(action);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        FxProbe.waitUntil(what, condition, () -> "status: " + main.statusTextProperty().get() + " / notice: "
                + main.noticeProperty().get() + " / title: " + stage.getTitle());
    }
}
