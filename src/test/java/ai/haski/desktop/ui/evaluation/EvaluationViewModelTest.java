package ai.haski.desktop.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.session.evaluation.HeadEvaluation;
import ai.haski.desktop.session.evaluation.ModelEvaluation;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.session.ReviewRow;
import ai.haski.desktop.ui.session.RowFilter;
import ai.haski.desktop.ui.session.SessionViewModel;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Evaluation ViewModel on the real reference model, real photos and a real session file, with the synchronous
 * executor (no toolkit): it follows the verdicts as they are saved, computes nothing while closed, and a cell of the
 * confusion matrix filters the session's table to exactly its photos.
 */
class EvaluationViewModelTest {
    private static final List<String> PHOTOS = List.of("skimage_camera.png", "skimage_coins.png",
            "phone_debian_logo.jpg", "skimage_chelsea.png");
    private static final String HEAD = "skin_type";

    @TempDir
    Path temp;
    private DesktopContext context;
    private SessionViewModel session;
    private EvaluationViewModel evaluation;

    @BeforeEach
    void analyseAFolder() throws IOException {
        context = DesktopContext.create(AppPaths.current(), List.of(), new SettingsStore(temp.resolve("settings.json")),
                new CurrentThreadTaskExecutor());
        context.start();
        session = context.session();
        session.reviewer().setName("Ana Tester");
        Path folder = Files.createDirectories(temp.resolve("clinic"));
        for (String name : PHOTOS) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }
        session.openFolder(folder);
        session.startBatch();
        evaluation = session.evaluation();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private ReviewRow row(String file) {
        return session.table().rows().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    private HeadEvaluation head() {
        ModelEvaluation shown = evaluation.shownProperty().get();
        return shown.heads().stream().filter(h -> h.head().equals(HEAD)).findFirst().orElseThrow();
    }

    /** A label of the head that the model did not give this photo. */
    private String otherLabel(String file) {
        String given = row(file).label(HEAD);
        return head().labels().stream().filter(label -> !label.equals(given)).findFirst().orElseThrow();
    }

    @Test
    void theNumbersFollowEachVerdictAsItIsSaved() {
        evaluation.openProperty().set(true);
        assertThat(evaluation.models()).hasSize(1);
        assertThat(head().n()).isZero();
        assertThat(head().accuracy()).isEmpty();
        assertThat(evaluation.truthTextProperty().get()).startsWith("No verdicts yet");

        session.review().select(row("skimage_camera.png"));
        session.review().acceptAll();
        assertThat(head().n()).isEqualTo(1);
        assertThat(head().correct()).isEqualTo(1);
        assertThat(evaluation.truthTextProperty().get()).contains("on 1 photo.");

        session.review().select(row("skimage_coins.png"));
        String truth = otherLabel("skimage_coins.png");
        session.review().override(HEAD, truth);
        assertThat(head().n()).isEqualTo(2);
        assertThat(head().correct()).isEqualTo(1);
        assertThat(head().accuracy()).hasValue(0.5);
        String predicted = row("skimage_coins.png").label(HEAD);
        assertThat(head().photosIn(truth, predicted)).containsExactly("skimage_coins.png");
    }

    @Test
    void aConfusionCellFiltersTheTableToItsPhotos() {
        evaluation.openProperty().set(true);
        for (String file : List.of("skimage_camera.png", "phone_debian_logo.jpg")) {
            session.review().select(row(file));
            session.review().acceptAll();
        }
        session.review().select(row("skimage_coins.png"));
        String truth = otherLabel("skimage_coins.png");
        session.review().override(HEAD, truth);
        String predicted = row("skimage_coins.png").label(HEAD);

        evaluation.showCell(HEAD, truth, predicted);

        assertThat(session.table().filterProperty().get()).isEqualTo(RowFilter.EVALUATION_CELL);
        assertThat(session.table().sortedRows()).extracting(ReviewRow::file).containsExactly("skimage_coins.png");
        assertThat(session.table().cellTextProperty().get()).contains("truth").contains("model");
        assertThat(session.table().countTextProperty().get()).isEqualTo("1 of 4 photos");

        String cameraLabel = row("skimage_camera.png").label(HEAD);
        evaluation.showCell(HEAD, cameraLabel, cameraLabel);
        List<String> expected = PHOTOS.stream().filter(f -> List.of("skimage_camera.png", "phone_debian_logo.jpg")
                .contains(f) && row(f).label(HEAD).equals(cameraLabel)).toList();
        assertThat(session.table().sortedRows()).extracting(ReviewRow::file)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void whileClosedItComputesNothingAndCatchesUpWhenOpened() {
        session.review().select(row("skimage_camera.png"));
        session.review().acceptAll();
        assertThat(evaluation.shownProperty().get()).as("nothing computed while closed").isNull();

        evaluation.openProperty().set(true);
        assertThat(head().n()).isEqualTo(1);

        evaluation.openProperty().set(false);
        session.review().select(row("skimage_chelsea.png"));
        session.review().acceptAll();
        assertThat(head().n()).as("still the numbers of when it was open").isEqualTo(1);
        evaluation.openProperty().set(true);
        assertThat(head().n()).isEqualTo(2);
    }
}
