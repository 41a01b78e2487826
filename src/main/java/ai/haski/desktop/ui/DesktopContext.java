package ai.haski.desktop.ui;

import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.image.ThumbnailStore;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.FolderOpener;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.session.ReviewerSettings;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.models.ModelManagerViewModel;
import ai.haski.desktop.ui.models.ModelsViewModel;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.session.GridThumbnails;
import ai.haski.desktop.ui.session.SessionViewModel;
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
    private final SessionViewModel session;
    private final List<TaskExecutor> sessionExecutors;
    private final AnalysisPool batchPool;

    private DesktopContext(Engine engine, TaskExecutor executor, ModelsViewModel models, MainViewModel main,
            SessionViewModel session, List<TaskExecutor> sessionExecutors, AnalysisPool batchPool) {
        this.engine = engine;
        this.executor = executor;
        this.models = models;
        this.main = main;
        this.session = session;
        this.sessionExecutors = sessionExecutors;
        this.batchPool = batchPool;
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
        ThreadBudget threads = ThreadBudget.desktop();
        AnalysisPool batchPool = AnalysisPool.of(threads);
        MainViewModel[] main = new MainViewModel[1];
        // Notices from the models part go to the window's notice bar, which the main ViewModel owns.
        ModelsViewModel models = new ModelsViewModel(engine, settings, executor, notice -> main[0].post(notice),
                threads);
        DisplayDecoder displayDecoder = new DisplayDecoder(imageLoader);
        TaskExecutor store = executor.newSerial("session-store");
        TaskExecutor batch = executor.newSerial("session-batch");
        TaskExecutor thumbnailPool = executor.newPool("thumbnails", thumbnailThreads());
        GridThumbnails thumbnails = new GridThumbnails(new ThumbnailStore(imageLoader,
                paths.cacheDir().resolve("thumbnails"), THUMBNAIL_SIDE), thumbnailPool, GridThumbnails.MEMORY_BYTES);
        SessionViewModel session = new SessionViewModel(models, paths, ReviewerSettings.forUser(paths), displayDecoder,
                executor, store, batch, executor.uiThread(), notice -> main[0].post(notice), batchPool,
                thumbnails);
        ModelManagerViewModel manager = new ModelManagerViewModel(engine, models, executor,
                notice -> main[0].post(notice), FolderOpener::open, paths.cacheDir().resolve("import-labels"));
        main[0] = new MainViewModel(models, manager, displayDecoder, executor,
                paths.cacheDir().resolve("pasted"), paths.logDir(), session);
        List<TaskExecutor> extra = store == executor ? List.of() : List.of(store, batch, thumbnailPool);
        return new DesktopContext(engine, executor, models, main[0], session, extra, batchPool);
    }

    /** The grid's thumbnails fit this square, in pixels: sharp at the grid's cell size on a HiDPI screen too. */
    private static final int THUMBNAIL_SIDE = 160;

    /** Thumbnails are small decodes: two workers at most, so that they never crowd out a running batch. */
    private static int thumbnailThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
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

    public SessionViewModel session() {
        return session;
    }

    public ModelsViewModel models() {
        return models;
    }

    /** Stops background work, then frees the active model's native memory. */
    @Override
    public void close() {
        session.close();
        sessionExecutors.forEach(TaskExecutor::close);
        executor.close();
        batchPool.close();
        models.close();
    }
}
