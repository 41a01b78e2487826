package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionExport;
import ai.haski.desktop.ui.dialog.DialogService;
import ai.haski.desktop.ui.dialog.FileFilter;
import ai.haski.desktop.ui.dialog.SaveTarget;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableObjectValue;

/**
 * File > Export session…: asks where and in which format (CSV or JSON), then writes every photo, result and verdict
 * there, atomically, in the background. Use on the UI thread.
 */
public final class ExportCommand {
    static final String TITLE = "Export the session";
    static final FileFilter CSV = new FileFilter("csv", "CSV (one row per photo)", List.of("*.csv"));
    static final FileFilter JSON = new FileFilter("json", "JSON (everything, with history)", List.of("*.json"));

    private final ObservableObjectValue<Session> session;
    private final TaskExecutor executor;
    private final NoticeSink notices;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");

    public ExportCommand(ObservableObjectValue<Session> session, TaskExecutor executor, NoticeSink notices,
            DialogService dialogs) {
        this.session = session;
        this.executor = executor;
        this.notices = notices;
        this.dialogs = dialogs;
    }

    /** Asks for the file, then exports; nothing happens when the user cancels. */
    public void run() {
        Optional<Session> open = openSession();
        if (open.isEmpty()) {
            return;
        }
        // The dialog starts in the session's folder, where a researcher looks for the export afterwards.
        dialogs.chooseFileToSave(TITLE, "session.csv", List.of(CSV, JSON), Optional.of(open.get().root()))
                .map(ExportCommand::fileFor).ifPresent(file -> export(file, formatFor(file)));
    }

    /** The chosen file, with {@code .json} added when JSON was chosen but the name says otherwise. */
    static Path fileFor(SaveTarget target) {
        Path file = target.file();
        boolean json = target.filter().id().equals(JSON.id());
        if (json && formatFor(file) != SessionExport.Format.JSON) {
            return file.resolveSibling(file.getFileName() + ".json");
        }
        return file;
    }

    /** Writes the session to {@code target} as CSV or JSON, atomically, in the background. */
    public void export(Path target, SessionExport.Format format) {
        Optional<Session> current = openSession();
        if (current.isEmpty()) {
            return;
        }
        exporting.set(true);
        executor.execute(BackgroundTask.of("export", () -> SessionExport.write(current.get(), format, target))
                .onSuccess(done -> notices.post(Notice.info("Exported " + done.photos() + " photos and "
                        + done.results() + " results to " + done.file())))
                .onFailure(error -> notices.post(Notice.error("The export to " + target + " failed: "
                        + error.getMessage() + ". Nothing was written there; free some disk space or choose "
                        + "another folder, and export again.")))
                .onFinished(() -> exporting.set(false)));
    }

    private Optional<Session> openSession() {
        Session current = session.get();
        if (current == null) {
            notices.post(Notice.warning("Open a folder first: there is no session to export."));
        }
        return Optional.ofNullable(current);
    }

    /** The format a file name asks for: {@code .json} is JSON, anything else CSV. */
    public static SessionExport.Format formatFor(Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? SessionExport.Format.JSON : SessionExport.Format.CSV;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }
}
