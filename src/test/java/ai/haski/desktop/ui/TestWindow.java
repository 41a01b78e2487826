package ai.haski.desktop.ui;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.main.MainWindow;
import ai.haski.desktop.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * The app's real main window for a UI test, on the toolkit TestFX runs (Monocle here): made as the app makes it, shown,
 * and returned once its model is loaded.
 *
 * @param stage the stage the window is in
 * @param context everything the window runs on, closed with it
 * @param settings the settings file the window and its ViewModels use
 */
record TestWindow(Stage stage, DesktopContext context, SettingsStore settings) implements AutoCloseable {

    /**
     * The window in the primary stage, placed as on a first start (its bounds are not remembered: the primary stage
     * outlives the test class).
     *
     * @param temp       a folder of the test's own, for the settings file
     * @param modelRoots more folders of model packages, beside the bundled ones
     * @param beforeShow what to set before the window shows, on the UI thread (e.g. the reviewer's name, so that
     *                   the name dialog does not wait for a person)
     */
    static TestWindow show(Path temp, List<Path> modelRoots, Consumer<DesktopContext> beforeShow) throws Exception {
        return show(FxToolkit.registerPrimaryStage(), false, temp, modelRoots, beforeShow);
    }

    /**
     * As {@link #show}, but in a new stage of its own that remembers its bounds in {@code temp}'s settings file, as
     * the app's window does: placed where that file says, and saved there when closed.
     */
    static TestWindow showRemembering(Path temp, List<Path> modelRoots, Consumer<DesktopContext> beforeShow)
            throws Exception {
        FxToolkit.registerPrimaryStage();
        return show(FxToolkit.setupFixture((java.util.concurrent.Callable<Stage>) Stage::new), true, temp, modelRoots, beforeShow);
    }

    private static TestWindow show(Stage stage, boolean remembering, Path temp, List<Path> modelRoots,
            Consumer<DesktopContext> beforeShow) throws Exception {
        SettingsStore settings = new SettingsStore(temp.resolve("settings.json"));
        DesktopContext context = DesktopContext.create(AppPaths.current(), modelRoots, settings,
                FxTaskExecutor.sizedForThisMachine());
        MainViewModel main = context.main();
        FxToolkit.setupFixture(() -> {
            beforeShow.accept(context);
            if (remembering) {
                MainWindow.show(stage, main, context.explain(), settings);
            } else {
                MainWindow.show(stage, main, context.explain());
            }
            context.start();
        });
        FxProbe.waitUntil("the model is loaded", () -> !main.models().isLoading()
                && main.models().analyzerProperty().get() != null, () -> "status: " + main.statusTextProperty().get());
        return new TestWindow(stage, context, settings);
    }

    MainViewModel main() {
        return context.main();
    }

    @Override
    public void close() throws Exception {
        FxToolkit.setupFixture(stage::hide);
        context.close();
    }
}
