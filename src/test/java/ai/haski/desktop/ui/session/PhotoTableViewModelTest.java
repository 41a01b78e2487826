package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.ImageFacts;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.StageTimings;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.PhotoQuery;
import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.SessionFiles;
import ai.haski.desktop.session.StoredResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table's rows, filters and counts over a real session of real photos whose results are made by hand and stored
 * through the session API (two made-up models, no model loaded), reviewed through the session API: no toolkit.
 *
 * <p>The session: camera (model A: hair wavy 90 %, skin normal 80 %; accepted; model B says hair straight),
 * chelsea (hair curly 55 %, skin oily 70 %; hair overridden), coins (hair wavy 40 %, skin dry 90 %; flagged; model B
 * agrees), the Debian logo (failed to analyse) and rocket (not analysed).
 */
class PhotoTableViewModelTest {
    private static final String LOGO = "phone_debian_logo.jpg";
    private static final String CAMERA = "skimage_camera.png";
    private static final String CHELSEA = "skimage_chelsea.png";
    private static final String COINS = "skimage_coins.png";
    private static final String ROCKET = "skimage_rocket.jpg";
    private static final List<String> HAIR = List.of("straight", "wavy", "curly");
    private static final List<String> SKIN = List.of("dry", "normal", "oily");
    private static final Provenance MODEL_A = provenance("model-a", "a".repeat(64));
    private static final Provenance MODEL_B = provenance("model-b", "b".repeat(64));

    @TempDir
    Path temp;
    private Session session;
    private final SimpleObjectProperty<Map<Long, DisagreementText.Sides>> disagreements =
            new SimpleObjectProperty<>(Map.of());
    private final PhotoTableViewModel table = new PhotoTableViewModel(disagreements);

    @BeforeEach
    void openAnalysedAndReviewedSession() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("clinic"));
        for (String name : List.of(LOGO, CAMERA, CHELSEA, COINS, ROCKET)) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }
        session = Session.open(folder, temp.resolve("table" + SessionFiles.EXTENSION));
        session.rescan();

        StoredResult camera = save(CAMERA, MODEL_A, analysis(CAMERA, MODEL_A, "wavy", 0.9f, "normal", 0.8f));
        save(CAMERA, MODEL_B, analysis(CAMERA, MODEL_B, "straight", 0.6f, "normal", 0.7f));
        StoredResult chelsea = save(CHELSEA, MODEL_A, analysis(CHELSEA, MODEL_A, "curly", 0.55f, "oily", 0.7f));
        save(COINS, MODEL_A, analysis(COINS, MODEL_A, "wavy", 0.4f, "dry", 0.9f));
        save(COINS, MODEL_B, analysis(COINS, MODEL_B, "wavy", 0.5f, "dry", 0.8f));
        save(LOGO, MODEL_A, new AnalysisFailure(photo(LOGO).resolveIn(session.root()), "CORRUPT_IMAGE",
                "the file is damaged"));
        session.reviews().acceptAll(camera.analysisId(), "Ana Tester");
        session.reviews().override(chelsea.analysisId(), "hair_type", "wavy", "Ana Tester");
        session.reviews().flag(photo(COINS).id(), "blurred", "Ana Tester");

        List<ReviewRow> rows = session.listing().list(PhotoQuery.all()).rows().stream()
                .map(row -> ReviewRow.of(row, Optional.of(ModelKey.of(MODEL_A)))).toList();
        table.show(rows, RowSummary.of(rows));
    }

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    private static Provenance provenance(String id, String sha) {
        return new Provenance(id, id, "1.0.0", sha, "onnx", "hand", "0", false);
    }

    private Photo photo(String file) throws SessionException {
        return session.photos().byPath(file).orElseThrow();
    }

    private Analysis analysis(String file, Provenance model, String hair, float hairP, String skin, float skinP)
            throws SessionException {
        return new Analysis(photo(file).resolveIn(session.root()), List.of(head("hair_type", HAIR, hair, hairP),
                head("skin_type", SKIN, skin, skinP)), model, new ImageFacts(64, 64, 1, "png"),
                new StageTimings(0, 0, 0, 0, 0, 0), List.of(), Region.whole(64, 64));
    }

    private static HeadResult head(String name, List<String> labels, String top, float p) {
        float[] probabilities = new float[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            probabilities[i] = labels.get(i).equals(top) ? p : (1 - p) / (labels.size() - 1);
        }
        return new HeadResult(name, labels, probabilities, top, p, false, List.of());
    }

    private StoredResult save(String file, Provenance model, AnalysisOutcome outcome) throws SessionException {
        Photo photo = photo(file);
        return session.results().save(photo, outcome, model, photo.sizeBytes(), photo.modifiedMillis());
    }

    private List<String> shownFiles() {
        return table.sortedRows().stream().map(ReviewRow::file).toList();
    }

    private ReviewRow row(String file) {
        return table.rows().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void theRowsAreTheSessionsPhotosInPathOrderWithTheChosenModelsResults() {
        assertThat(table.rows()).extracting(ReviewRow::file).containsExactly(LOGO, CAMERA, CHELSEA, COINS, ROCKET);
        assertThat(shownFiles()).containsExactly(LOGO, CAMERA, CHELSEA, COINS, ROCKET);
        assertThat(row(CAMERA).label("hair_type")).as("model A's result, not model B's").isEqualTo("wavy");
        assertThat(row(CAMERA).reviewState()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(row(CHELSEA).reviewState()).isEqualTo(ReviewState.OVERRIDDEN);
        assertThat(row(COINS).reviewState()).isEqualTo(ReviewState.FLAGGED);
        assertThat(row(LOGO).error()).isEqualTo("CORRUPT_IMAGE");
        assertThat(row(ROCKET).analysed()).isFalse();
        assertThat(table.headNames()).containsExactly("hair_type", "skin_type");
        assertThat(table.countTextProperty().get()).isEqualTo("5 photos");
        assertThat(table.statusTextProperty().get())
                .isEqualTo("5 photos · 4 analysed · 2 reviewed · 1 flagged · 1 error · 0 missing");
    }

    @Test
    void eachReviewStateFilterKeepsThePhotosInThatState() {
        table.filterProperty().set(RowFilter.UNREVIEWED);
        assertThat(shownFiles()).containsExactly(LOGO, ROCKET);
        assertThat(table.countTextProperty().get()).isEqualTo("2 of 5 photos");

        table.filterProperty().set(RowFilter.REVIEWED);
        assertThat(shownFiles()).as("accepted and overridden").containsExactly(CAMERA, CHELSEA);
        assertThat(table.countTextProperty().get()).isEqualTo("2 of 5 photos");

        table.filterProperty().set(RowFilter.FLAGGED);
        assertThat(shownFiles()).containsExactly(COINS);
        assertThat(table.countTextProperty().get()).isEqualTo("1 of 5 photos");

        table.filterProperty().set(RowFilter.ERRORS);
        assertThat(shownFiles()).containsExactly(LOGO);

        table.filterProperty().set(RowFilter.ALL);
        assertThat(shownFiles()).hasSize(5);
        assertThat(table.countTextProperty().get()).isEqualTo("5 photos");
        assertThat(table.statusTextProperty().get()).as("filters do not change the counts")
                .isEqualTo("5 photos · 4 analysed · 2 reviewed · 1 flagged · 1 error · 0 missing");
    }

    @Test
    void lowConfidenceKeepsAnalysedPhotosWithAHeadBelowTheThreshold() {
        table.filterProperty().set(RowFilter.LOW_CONFIDENCE);
        assertThat(table.thresholdProperty().get()).isEqualTo(0.6);
        assertThat(shownFiles()).containsExactly(CHELSEA, COINS);

        table.thresholdProperty().set(0.5);
        assertThat(shownFiles()).containsExactly(COINS);
        assertThat(table.countTextProperty().get()).isEqualTo("1 of 5 photos");

        table.thresholdProperty().set(0.95);
        assertThat(shownFiles()).as("never the failed or unanalysed photo").containsExactly(CAMERA, CHELSEA, COINS);
    }

    @Test
    void labelIsKeepsThePhotosWhoseChosenHeadHasThatTopLabel() {
        table.filterProperty().set(RowFilter.LABEL);
        assertThat(table.labelHeadProperty().get()).as("the first head is chosen").isEqualTo("hair_type");
        assertThat(table.labelChoices()).containsExactly("curly", "wavy");
        assertThat(shownFiles()).as("no label chosen yet").isEmpty();

        table.labelValueProperty().set("wavy");
        assertThat(shownFiles()).containsExactly(CAMERA, COINS);
        assertThat(table.countTextProperty().get()).isEqualTo("2 of 5 photos");
        table.labelValueProperty().set("curly");
        assertThat(shownFiles()).as("the model's label, not the reviewer's override").containsExactly(CHELSEA);

        table.labelHeadProperty().set("skin_type");
        assertThat(table.labelChoices()).containsExactly("dry", "normal", "oily");
        assertThat(shownFiles()).as("no skin is curly").isEmpty();
        table.labelValueProperty().set("oily");
        assertThat(shownFiles()).containsExactly(CHELSEA);
    }

    @Test
    void modelsDisagreeKeepsThePhotosWhereTheTwoModelsTopLabelsDiffer() throws Exception {
        table.filterProperty().set(RowFilter.MODELS_DISAGREE);
        assertThat(shownFiles()).as("no comparison yet").isEmpty();

        disagreements.set(DisagreementText.byPhoto(session.results().disagreements(ModelKey.of(MODEL_A),
                ModelKey.of(MODEL_B))));
        assertThat(shownFiles()).as("coins: both say wavy and dry").containsExactly(CAMERA);
        assertThat(table.countTextProperty().get()).isEqualTo("1 of 5 photos");

        disagreements.set(Map.of());
        assertThat(shownFiles()).isEmpty();
    }

    @Test
    void replaceResultChangesOnlyThatRowAndTheCountsAndTheFilterSeesIt() throws Exception {
        table.filterProperty().set(RowFilter.LOW_CONFIDENCE);
        List<ReviewRow> before = List.copyOf(table.rows());
        List<ReviewRow> heard = new ArrayList<>();
        table.addReplacedListener(heard::add);
        StoredResult rocket = save(ROCKET, MODEL_A, analysis(ROCKET, MODEL_A, "straight", 0.3f, "oily", 0.8f));

        table.replaceResult(rocket);

        assertThat(row(ROCKET).result()).contains(rocket);
        assertThat(row(ROCKET).label("hair_type")).isEqualTo("straight");
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).file().equals(ROCKET)) {
                assertThat(table.rows().get(i)).as(before.get(i).file()).isSameAs(before.get(i));
            }
        }
        assertThat(table.rows()).extracting(ReviewRow::file).containsExactly(LOGO, CAMERA, CHELSEA, COINS, ROCKET);
        assertThat(heard).extracting(ReviewRow::file).containsExactly(ROCKET);
        assertThat(shownFiles()).containsExactly(CHELSEA, COINS, ROCKET);
        assertThat(table.countTextProperty().get()).isEqualTo("3 of 5 photos");
        assertThat(table.statusTextProperty().get())
                .isEqualTo("5 photos · 5 analysed · 2 reviewed · 1 flagged · 1 error · 0 missing");
        assertThat(table.labelChoices()).as("a top label seen for the first time").containsExactly("curly",
                "straight", "wavy");
    }

    @Test
    void aResultForAPhotoNotInTheTableChangesNothing() throws Exception {
        List<ReviewRow> before = List.copyOf(table.rows());
        String status = table.statusTextProperty().get();
        StoredResult rocket = save(ROCKET, MODEL_A, analysis(ROCKET, MODEL_A, "straight", 0.3f, "oily", 0.8f));
        StoredResult elsewhere = new StoredResult(rocket.analysisId(), 9_999, "elsewhere.png", rocket.model(),
                rocket.runtime(), rocket.runtimeVersion(), rocket.appVersion(), rocket.analysedAt(),
                rocket.analysedSizeBytes(), rocket.analysedModifiedMillis(), rocket.errorCode(),
                rocket.errorMessage(), rocket.heads(), rocket.outcomeJson());

        table.replaceResult(elsewhere);

        assertThat(table.rows()).containsExactlyElementsOf(before);
        assertThat(table.statusTextProperty().get()).isEqualTo(status);
    }

    @Test
    void aFailureReplacingAResultCountsAsAnErrorAndShowsUnderFailedAnalysis() throws Exception {
        table.filterProperty().set(RowFilter.ERRORS);
        StoredResult failed = save(ROCKET, MODEL_A, new AnalysisFailure(photo(ROCKET).resolveIn(session.root()),
                "DECODE_FAILED", "cannot decode"));

        table.replaceResult(failed);

        assertThat(shownFiles()).containsExactly(LOGO, ROCKET);
        assertThat(table.statusTextProperty().get())
                .isEqualTo("5 photos · 5 analysed · 2 reviewed · 1 flagged · 2 errors · 0 missing");
    }

    @Test
    void replaceStateMovesThePhotoBetweenTheStateFiltersAndTheCounts() throws Exception {
        table.filterProperty().set(RowFilter.FLAGGED);

        table.replaceState(photo(ROCKET).id(), ReviewState.FLAGGED);
        assertThat(shownFiles()).containsExactly(COINS, ROCKET);
        table.replaceState(photo(COINS).id(), ReviewState.UNREVIEWED);
        assertThat(shownFiles()).containsExactly(ROCKET);

        assertThat(table.statusTextProperty().get())
                .isEqualTo("5 photos · 4 analysed · 2 reviewed · 1 flagged · 1 error · 0 missing");
        table.filterProperty().set(RowFilter.UNREVIEWED);
        assertThat(shownFiles()).containsExactly(LOGO, COINS);
    }
}
