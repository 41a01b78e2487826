package ai.haski.desktop.ui;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.AppVersion;
import ai.haski.desktop.platform.FileLogging;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.dialog.FxDialogService;
import ai.haski.desktop.ui.dialog.FxTextClipboard;
import ai.haski.desktop.ui.main.LaunchFiles;
import ai.haski.desktop.ui.main.MainViewModel;
import ai.haski.desktop.ui.main.MainWindow;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop application: logging to a file, the engine and ViewModels, then the main window. */
public final class HaskiApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(HaskiApp.class);

    private DesktopContext context;
    /** Owns the dialogs; made by the toolkit after {@link #init()} has built the context. */
    private Stage mainStage;
    private SettingsStore settings;

    /** Runs on the launcher thread, not the UI thread: the model folders are scanned (and hashed) here. */
    @Override
    public void init() {
        AppPaths paths = AppPaths.current();
        FileLogging.install(paths.logDir());
        LOG.info("Haski Desktop {} starting: Java {}, JavaFX {}, data folder {}", AppVersion.get(),
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version"), paths.dataDir());
        settings = SettingsStore.forUser(paths);
        context = DesktopContext.create(paths, List.of(), settings, FxTaskExecutor.sizedForThisMachine(),
                new FxDialogService(() -> mainStage), new FxTextClipboard());
    }

    @Override
    public void start(Stage stage) {
        mainStage = stage;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Unexpected error on thread {}", thread.getName(), error);
            Platform.runLater(() -> context.notices().post(Notice.error("Something went wrong (" + error
                    + "). You can keep working; the log has the details: Help > Open log folder.")));
        });
        MainWindow.show(stage, context.main(), context.explain(), settings);
        LOG.info("Main window shown");
        context.start();
        openAtLaunch(getParameters().getRaw(), context.main());
    }

    /** Opens what the app was started with (the arguments {@link DesktopMain#open} passes) in the window. */
    static void openAtLaunch(List<String> arguments, MainViewModel main) {
        LaunchFiles given = LaunchFiles.of(filesToOpen(arguments));
        if (!given.photos().isEmpty() || given.folder().isPresent()) {
            LOG.info("Opening at launch: {} photo(s){}", given.photos().size(),
                    given.folder().map(folder -> ", folder " + folder).orElse(""));
        }
        given.openIn(main);
    }

    /**
     * The photos and folders to open at launch, absolute: what {@link DesktopMain#open} passes, and also
     * {@code --open FILE} as a file manager's "Open with" gives it.
     */
    static List<Path> filesToOpen(List<String> arguments) {
        return arguments.stream().filter(argument -> !DesktopMain.OPEN_OPTION.equals(argument))
                .map(argument -> Path.of(argument).toAbsolutePath()).toList();
    }

    @Override
    public void stop() {
        LOG.info("Haski Desktop closing");
        if (context != null) {
            context.close();
        }
    }
}
