package ai.haski.desktop.ui;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.models.ModelsViewModel;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;

/**
 * Wires the desktop app's parts together: the engine, the executor and the ViewModels. The app builds one with
 * the user's folders; tests build one with their own model folders, settings file and executor.
 */
public final class DesktopContext implements AutoCloseable {
    private final Engine engine;
    private final TaskExecutor executor;
    private final ModelsViewModel models;
    private final MainViewModel main;

    private DesktopContext(Engine engine, TaskExecutor executor, ModelsViewModel models, MainViewModel main) {
        this.engine = engine;
        this.executor = executor;
        this.models = models;
        this.main = main;
    }

    /**
     * Scans the model folders (quick: manifests and weight hashes) and builds the ViewModels; loads nothing yet.
     *
     * @param extraModelRoots more folders of model packages, after the bundled and per-user ones
     */
    public static DesktopContext create(AppPaths paths, List<Path> extraModelRoots, SettingsStore settings,
            TaskExecutor executor) {
        Engine engine = Engine.create(paths, extraModelRoots);
        ImageLoader imageLoader = new ImageLoader();
        MainViewModel[] main = new MainViewModel[1];
        // Notices from the models part go to the window's notice bar, which the main ViewModel owns.
        ModelsViewModel models = new ModelsViewModel(engine, imageLoader, settings, executor,
                notice -> main[0].post(notice), inferenceThreads());
        main[0] = new MainViewModel(models, new DisplayDecoder(imageLoader), executor,
                paths.cacheDir().resolve("pasted"), paths.logDir());
        return new DesktopContext(engine, executor, models, main[0]);
    }

    /** One inference may use half the cores: the other half keep decoding and the UI responsive. */
    private static int inferenceThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Probes the runtimes and loads the model, in the background. Call on the UI thread. */
    public void start() {
        models.start();
    }

    public Engine engine() {
        return engine;
    }

    public MainViewModel main() {
        return main;
    }

    public ModelsViewModel models() {
        return models;
    }

    /** Stops background work, then frees the active model's native memory. */
    @Override
    public void close() {
        executor.close();
        models.close();
    }
}
