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
 * @param stage the primary stage the window is in
 * @param context everything the window runs on, closed with it
 */
record TestWindow(Stage stage, DesktopContext context) implements AutoCloseable {

    /**
     * @param temp       a folder of the test's own, for the settings file
     * @param modelRoots more folders of model packages, beside the bundled ones
     * @param beforeShow what to set before the window shows, on the UI thread (e.g. the reviewer's name, so that
     *                   the name dialog does not wait for a person)
     */
    static TestWindow show(Path temp, List<Path> modelRoots, Consumer<DesktopContext> beforeShow) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        DesktopContext context = DesktopContext.create(AppPaths.current(), modelRoots,
                new SettingsStore(temp.resolve("settings.json")), FxTaskExecutor.sizedForThisMachine());
        MainViewModel main = context.main();
        FxToolkit.setupStage(shown -> {
            beforeShow.accept(context);
            MainWindow.show(shown, main);
            context.start();
        });
        FxProbe.waitUntil("the model is loaded", () -> !main.models().isLoading()
                && main.models().analyzerProperty().get() != null, () -> "status: " + main.statusTextProperty().get());
        return new TestWindow(stage, context);
    }

    MainViewModel main() {
        return context.main();
    }

    @Override
    public void close() throws Exception {
        FxToolkit.setupStage(Stage::hide);
        context.close();
    }
}
