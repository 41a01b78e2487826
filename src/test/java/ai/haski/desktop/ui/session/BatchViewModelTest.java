package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.ui.models.ActiveModelState;
import ai.haski.desktop.ui.models.HandDrivenActiveModel;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch part with a hand-driven model service: no toolkit, no model loaded, no job ever made. */
class BatchViewModelTest {
    @TempDir
    Path temp;
    private final HandDrivenActiveModel models = new HandDrivenActiveModel();
    private final SessionParts.Notices notices = new SessionParts.Notices();
    private final SimpleObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final List<String> jobsMade = new ArrayList<>();
    private final BatchViewModel batch = new BatchViewModel(models, session, (s, analyzer) -> {
        jobsMade.add(s.root().toString());
        throw new AssertionError("no job may start without a model");
    }, new CurrentThreadTaskExecutor(), Runnable::run, notices, result -> { }, () -> { });

    @AfterEach
    void close() {
        if (session.get() != null) {
            session.get().close();
        }
    }

    @Test
    void withoutASessionItSaysToOpenAFolder() {
        batch.start();
        assertThat(notices.last().text()).isEqualTo("Open a folder first: File > Open folder… (Ctrl+Shift+O).");
        assertThat(batch.runningProperty().get()).isFalse();
    }

    @Test
    void itWaitsForTheLoadingModelAndSaysWhyNothingWasAnalysed() throws Exception {
        session.set(Session.open(SessionParts.folderOfPhotos(temp.resolve("clinic")), temp.resolve("s" + SessionFiles.EXTENSION)));
        batch.start();
        assertThat(batch.runningProperty().get()).isTrue();
        assertThat(batch.progressTextProperty().get()).isEqualTo("Waiting for the model…");

        models.set(ActiveModelState.none("no package found"));

        assertThat(batch.runningProperty().get()).isFalse();
        assertThat(batch.progressTextProperty().get()).isEqualTo("No model: nothing analysed");
        assertThat(notices.last().severity()).isEqualTo(Notice.Severity.WARNING);
        assertThat(notices.last().text()).isEqualTo("The photos cannot be analysed: no model is active (no package "
                + "found).");
        assertThat(jobsMade).isEmpty();
        assertThat(batch.activeModel()).isEmpty();
        assertThat(batch.activeModelTextProperty().get()).isEqualTo("Model: none");
    }

    @Test
    void aLoadStartingWithNoBatchPostsNothing() {
        models.set(ActiveModelState.none("none"));
        models.set(models.state().loadingNext());
        assertThat(notices.posted).isEmpty();
        assertThat(batch.activeModel()).isEqualTo(Optional.empty());
    }
}
