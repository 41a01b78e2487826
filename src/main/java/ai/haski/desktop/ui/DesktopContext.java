package ai.haski.desktop.ui;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.image.ThumbnailStore;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.FolderOpener;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.session.BatchRunner;
import ai.haski.desktop.session.ReviewerSettings;
import ai.haski.desktop.ui.dialog.FxDialogService;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.models.ActiveModelService;
import ai.haski.desktop.ui.models.ActiveModelState;
import ai.haski.desktop.ui.models.ModelManagerViewModel;
import ai.haski.desktop.ui.models.ModelsViewModel;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.session.BatchJob;
import ai.haski.desktop.ui.session.GridThumbnails;
import ai.haski.desktop.ui.session.SessionViewModel;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

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

    private DesktopContext(Engine engine, TaskExecutor executor, ModelsViewModel models, MainViewModel main,
            SessionViewModel session, List<TaskExecutor> sessionExecutors) {
        this.engine = engine;
        this.executor = executor;
        this.models = models;
        this.main = main;
        this.session = session;
        this.sessionExecutors = sessionExecutors;
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
        DisplayDecoder displayDecoder = new DisplayDecoder(imageLoader);
        TaskExecutor store = executor.newSerial("session-store");
        TaskExecutor batch = executor.newSerial("session-batch");
        TaskExecutor thumbnailPool = executor.newPool("thumbnails", thumbnailThreads());
        GridThumbnails thumbnails = new GridThumbnails(new ThumbnailStore(imageLoader,
                paths.cacheDir().resolve("thumbnails"), THUMBNAIL_SIDE), thumbnailPool, GridThumbnails.MEMORY_BYTES);
        int batchThreads = batchThreads();
        SessionViewModel session = new SessionViewModel(new ModelsAsActiveModel(models), paths,
                ReviewerSettings.forUser(paths), displayDecoder, executor, store, batch,
                (opened, analyzer) -> BatchJob.of(new BatchRunner(opened, analyzer, batchThreads, false)),
                notice -> main[0].post(notice), new FxDialogService(), thumbnails);
        ModelManagerViewModel manager = new ModelManagerViewModel(engine, models, executor,
                notice -> main[0].post(notice), FolderOpener::open, paths.cacheDir().resolve("import-labels"));
        main[0] = new MainViewModel(models, manager, displayDecoder, executor,
                paths.cacheDir().resolve("pasted"), paths.logDir(), session);
        List<TaskExecutor> extra = store == executor ? List.of() : List.of(store, batch, thumbnailPool);
        return new DesktopContext(engine, executor, models, main[0], session, extra);
    }

    /**
     * Today's models ViewModel seen as the one active-model service. To be removed once ModelsViewModel implements
     * ActiveModelService itself (branch ui-wiring): then pass {@code models}.
     */
    private static final class ModelsAsActiveModel implements ActiveModelService {
        private final ReadOnlyObjectWrapper<ActiveModelState> state = new ReadOnlyObjectWrapper<>();

        ModelsAsActiveModel(ModelsViewModel models) {
            InvalidationListener update = changed -> state.set(new ActiveModelState(
                    Optional.ofNullable(models.analyzerProperty().get()), models.loadingProperty().get(),
                    models.noModelReason()));
            models.analyzerProperty().addListener(update);
            models.loadingProperty().addListener(update);
            update.invalidated(null);
        }

        @Override
        public ReadOnlyObjectProperty<ActiveModelState> stateProperty() {
            return state.getReadOnlyProperty();
        }
    }

    /** The grid's thumbnails fit this square, in pixels: sharp at the grid's cell size on a HiDPI screen too. */
    private static final int THUMBNAIL_SIDE = 160;

    /** Thumbnails are small decodes: two workers at most, so that they never crowd out a running batch. */
    private static int thumbnailThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** One inference may use half the cores: the other half keep decoding and the UI responsive. */
    private static int inferenceThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Photos a batch analyses at once: decoding dominates, so one per core but the first, at most four. */
    private static int batchThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
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
        models.close();
    }
}
