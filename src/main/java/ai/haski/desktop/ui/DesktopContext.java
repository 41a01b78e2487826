package ai.haski.desktop.ui;

import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.image.ThumbnailStore;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.FolderOpener;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.session.BatchRunner;
import ai.haski.desktop.session.ReviewerSettings;
import ai.haski.desktop.ui.dialog.DialogService;
import ai.haski.desktop.ui.dialog.FxDialogService;
import ai.haski.desktop.ui.dialog.FxTextClipboard;
import ai.haski.desktop.ui.dialog.TextClipboard;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.models.ModelManagerViewModel;
import ai.haski.desktop.ui.models.ModelsViewModel;
import ai.haski.desktop.ui.notice.NoticeBoard;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.result.ExplainViewModel;
import ai.haski.desktop.ui.session.BatchJob;
import ai.haski.desktop.ui.session.GridThumbnails;
import ai.haski.desktop.ui.session.SessionViewModel;
import ai.haski.desktop.ui.task.TaskExecutor;
import ai.haski.desktop.ui.task.TaskLanes;
import java.nio.file.Path;
import java.util.List;

/**
 * Wires the desktop app's parts together: the engine, the task lanes, the notice board, the dialogs and the
 * ViewModels. The app builds one with the user's folders; tests build one with their own model folders, settings
 * file, executor and, for ViewModel tests, doubles of the dialogs and the clipboard.
 */
public final class DesktopContext implements AutoCloseable {
    private final Engine engine;
    private final TaskLanes lanes;
    private final TaskExecutor batch;
    private final NoticeBoard notices;
    private final ModelsViewModel models;
    private final MainViewModel main;
    private final SessionViewModel session;
    private final ExplainViewModel explain;
    private final AnalysisPool batchPool;

    private DesktopContext(Engine engine, TaskLanes lanes, TaskExecutor batch, AnalysisPool batchPool,
            NoticeBoard notices, ModelsViewModel models, MainViewModel main, SessionViewModel session,
            ExplainViewModel explain) {
        this.engine = engine;
        this.lanes = lanes;
        this.batch = batch;
        this.notices = notices;
        this.models = models;
        this.main = main;
        this.session = session;
        this.explain = explain;
        this.batchPool = batchPool;
    }

    /**
     * As {@link #create(AppPaths, List, SettingsStore, TaskExecutor, DialogService, TextClipboard)}, with the JavaFX
     * dialogs (owned by the window that has the focus) and the system clipboard: for the window tests.
     */
    public static DesktopContext create(AppPaths paths, List<Path> extraModelRoots, SettingsStore settings,
            TaskExecutor executor) {
        return create(paths, extraModelRoots, settings, executor, FxDialogService.overFocusedWindow(),
                new FxTextClipboard());
    }

    /**
     * Scans the model folders (quick: manifests and weight hashes) and builds the ViewModels; loads nothing yet.
     *
     * @param extraModelRoots more folders of model packages, after the bundled and per-user ones
     * @param executor        the interactive lane; the other lanes are made from it
     */
    public static DesktopContext create(AppPaths paths, List<Path> extraModelRoots, SettingsStore settings,
            TaskExecutor executor, DialogService dialogs, TextClipboard clipboard) {
        Engine engine = Engine.create(paths, extraModelRoots);
        ImageLoader imageLoader = new ImageLoader();
        TaskLanes lanes = TaskLanes.from(executor, thumbnailThreads());
        ThreadBudget threads = ThreadBudget.desktop();
        AnalysisPool batchPool = AnalysisPool.of(threads);
        // Made before the ViewModels, so that every one of them can post without knowing who shows the notice.
        NoticeBoard notices = new NoticeBoard();
        ModelsViewModel models = new ModelsViewModel(engine, settings, lanes.models(), notices, threads);
        DisplayDecoder displayDecoder = new DisplayDecoder(imageLoader);
        TaskExecutor store = lanes.store();
        TaskExecutor batch = executor.newSerial("session-batch");
        TaskExecutor thumbnailPool = lanes.thumbnails();
        GridThumbnails thumbnails = new GridThumbnails(new ThumbnailStore(imageLoader,
                paths.cacheDir().resolve("thumbnails"), THUMBNAIL_SIDE), thumbnailPool, GridThumbnails.MEMORY_BYTES);
        SessionViewModel session = new SessionViewModel(models, paths, ReviewerSettings.forUser(paths),
                displayDecoder, executor, store, batch,
                (opened, analyzer) -> BatchJob.of(new BatchRunner(opened, analyzer, batchPool, false)),
                notices, dialogs, thumbnails);
        ModelManagerViewModel manager = new ModelManagerViewModel(engine, models, lanes.interactive(), notices,
                FolderOpener::open, paths.cacheDir().resolve("import-labels"));
        MainViewModel main = new MainViewModel(models, models, manager, session, notices, dialogs, clipboard,
                displayDecoder, lanes.interactive(), paths.cacheDir().resolve("pasted"), paths.logDir());
        // Beside MainViewModel rather than in it: the main window's result gets its explanations here.
        ExplainViewModel explain = ExplainViewModel.forResult(models, main.result(), lanes.interactive());
        return new DesktopContext(engine, lanes, batch, batchPool, notices, models, main, session, explain);
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

    /** The main window's "Explain" toggles and their occlusion map. */
    public ExplainViewModel explain() {
        return explain;
    }

    public SessionViewModel session() {
        return session;
    }

    public ModelsViewModel models() {
        return models;
    }

    /** Where every part posts its notices; the window shows the current one. */
    public NoticeBoard notices() {
        return notices;
    }

    /** Stops background work, then frees the active model's native memory. */
    @Override
    public void close() {
        session.close();
        if (batch != lanes.interactive()) {
            batch.close();
        }
        lanes.close();
        batchPool.close();
        models.close();
    }
}
