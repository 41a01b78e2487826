package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.ui.dialog.ScriptedDialogs;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session > Import results… with scripted dialogs, a real session and a job output made from a real analysis. */
class ImportResultsCommandTest {
    @TempDir
    Path temp;
    private final SessionParts.Notices notices = new SessionParts.Notices();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SimpleObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final List<Path> reopened = new ArrayList<>();
    private final ImportResultsCommand command = new ImportResultsCommand(session, new CurrentThreadTaskExecutor(),
            notices, dialogs, reopened::add);

    @AfterEach
    void close() {
        if (session.get() != null) {
            session.get().close();
        }
    }

    @Test
    void withoutASessionNothingIsAsked() {
        command.run();
        assertThat(dialogs.asked()).isEmpty();
        assertThat(notices.last().text()).startsWith("Open a folder first");
    }

    @Test
    void theChosenOutputsResultsAreImportedAndTheSessionReopened() throws Exception {
        Path folder = SessionParts.folderOfPhotos(temp.resolve("clinic"));
        session.set(Session.open(folder, temp.resolve("s" + SessionFiles.EXTENSION)));
        session.get().rescan();
        Path out = Files.createDirectories(temp.resolve("job-out"));
        try (Analyzer analyzer = TestAnalyzers.over(SharedEngine.loader().load(SharedEngine.reference(),
                List.of(ModelFormat.ONNX), 1), new ImageLoader(ImageLimits.DEFAULT))) {
            var row = ResultJson.toJson(analyzer.analyze(folder.resolve("skimage_coins.png")));
            row.put("path", "file:" + folder.resolve("skimage_coins.png"));
            Files.writeString(out.resolve("part-00000-x.txt"), row + "\n");
        }
        dialogs.answer(out).cancel();

        command.run();
        assertThat(notices.last().severity()).isEqualTo(Notice.Severity.INFO);
        assertThat(notices.last().text()).startsWith("Imported 1 results from " + out);
        assertThat(reopened).containsExactly(session.get().root());
        long photo = session.get().photos().byPath("skimage_coins.png").orElseThrow().id();
        assertThat(session.get().results().forPhoto(photo)).hasSize(1);

        int before = notices.posted.size();
        command.run();
        assertThat(notices.posted).hasSize(before);
    }
}
