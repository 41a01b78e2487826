package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison part: which pair it picks, and what it says when there are not two models to compare. */
class ModelComparisonViewModelTest {
    @TempDir
    Path temp;
    private final SessionParts.Notices notices = new SessionParts.Notices();
    private final SimpleObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final ModelComparisonViewModel comparison = new ModelComparisonViewModel(session,
            new CurrentThreadTaskExecutor(), notices);

    @AfterEach
    void close() {
        if (session.get() != null) {
            session.get().close();
        }
    }

    @Test
    void twoDifferentModelsArePickedAndOneModelIsNotCompared() throws Exception {
        ModelKey a = new ModelKey("a", "1", "onnx", "aa");
        ModelKey b = new ModelKey("b", "1", "onnx", "bb");
        comparison.showModels(List.of(a, b));
        assertThat(comparison.modelAProperty().get()).isEqualTo(a);
        assertThat(comparison.modelBProperty().get()).isEqualTo(b);
        comparison.showModels(List.of(b));
        assertThat(comparison.modelAProperty().get()).isEqualTo(b);
        assertThat(comparison.modelBProperty().get()).isNull();

        session.set(Session.open(SessionParts.folderOfPhotos(temp.resolve("clinic")), temp.resolve("s" + SessionFiles.EXTENSION)));
        comparison.wantedProperty().set(true);
        assertThat(comparison.disagreementsProperty().get()).isEmpty();
        assertThat(notices.last().text()).startsWith("Models disagree compares the results of two models");
    }
}
