package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.ui.dialog.FileFilter;
import ai.haski.desktop.ui.dialog.SaveTarget;
import ai.haski.desktop.ui.dialog.ScriptedDialogs;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export command with scripted dialogs and a real session in a temp folder. */
class ExportCommandTest {
    @TempDir
    Path temp;
    private final SessionParts.Notices notices = new SessionParts.Notices();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SimpleObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final ExportCommand export = new ExportCommand(session, new CurrentThreadTaskExecutor(), notices,
            dialogs);

    @AfterEach
    void close() {
        if (session.get() != null) {
            session.get().close();
        }
    }

    @Test
    void withoutASessionNothingIsAsked() {
        export.run();
        assertThat(dialogs.asked()).isEmpty();
        assertThat(notices.last().text()).isEqualTo("Open a folder first: there is no session to export.");
    }

    @Test
    void jsonChosenWithoutItsExtensionIsWrittenAsJsonAndCancellingWritesNothing() throws Exception {
        session.set(Session.open(SessionParts.folderOfPhotos(temp.resolve("clinic")), temp.resolve("s" + SessionFiles.EXTENSION)));
        session.get().rescan();
        dialogs.answer(new SaveTarget(temp.resolve("review"), ExportCommand.JSON)).cancel();

        export.run();
        Path written = temp.resolve("review.json");
        assertThat(Files.readString(written)).contains("skimage_coins.png").startsWith("{");
        assertThat(dialogs.asked().get(0).offered()).extracting(f -> ((FileFilter) f).id()).containsExactly("csv", "json");
        assertThat(notices.last().severity()).isEqualTo(Notice.Severity.INFO);
        assertThat(notices.last().text()).startsWith("Exported 3 photos");
        assertThat(export.exportingProperty().get()).isFalse();

        int before = notices.posted.size();
        export.run();
        assertThat(notices.posted).hasSize(before);
    }

    @Test
    void csvKeepsTheNameGiven() {
        assertThat(ExportCommand.fileFor(new SaveTarget(temp.resolve("out.csv"), ExportCommand.CSV)))
                .isEqualTo(temp.resolve("out.csv"));
        assertThat(ExportCommand.fileFor(new SaveTarget(temp.resolve("out.JSON"), ExportCommand.JSON)))
                .isEqualTo(temp.resolve("out.JSON"));
    }
}
