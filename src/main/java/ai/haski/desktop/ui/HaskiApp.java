package ai.haski.desktop.ui;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.AppVersion;
import ai.haski.desktop.platform.FileLogging;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.dialog.FxDialogService;
import ai.haski.desktop.ui.dialog.FxTextClipboard;
import ai.haski.desktop.ui.main.MainWindow;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    /** Runs on the launcher thread, not the UI thread: the model folders are scanned (and hashed) here. */
    @Override
    public void init() {
        AppPaths paths = AppPaths.current();
        FileLogging.install(paths.logDir());
        LOG.info("Haski Desktop {} starting: Java {}, JavaFX {}, data folder {}", AppVersion.get(),
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version"), paths.dataDir());
        context = DesktopContext.create(paths, List.of(), SettingsStore.forUser(paths),
                FxTaskExecutor.sizedForThisMachine(), new FxDialogService(() -> mainStage), new FxTextClipboard());
    }

    @Override
    public void start(Stage stage) {
        mainStage = stage;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Unexpected error on thread {}", thread.getName(), error);
            Platform.runLater(() -> context.notices().post(Notice.error("Something went wrong (" + error
                    + "). You can keep working; the log has the details: Help > Open log folder.")));
        });
        MainWindow.show(stage, context.main());
        LOG.info("Main window shown");
        context.start();
        fileToOpen(getParameters().getRaw()).ifPresent(file -> context.main().open(file));
    }

    /** {@code --open FILE} opens a photo at launch, as a file manager's "Open with" would. */
    static Optional<Path> fileToOpen(List<String> arguments) {
        int index = arguments.indexOf(DesktopMain.OPEN_OPTION);
        if (index >= 0 && index + 1 < arguments.size()) {
            return Optional.of(Path.of(arguments.get(index + 1)).toAbsolutePath());
        }
        return Optional.empty();
    }

    @Override
    public void stop() {
        LOG.info("Haski Desktop closing");
        if (context != null) {
            context.close();
        }
    }
}
