package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.session.Reveal;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.Verdict;
import ai.haski.desktop.ui.DesktopContext;
import ai.haski.desktop.ui.evaluation.EvaluationViewModel;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blinded reading through the session ViewModel, on the real reference model, real photos and a real session file,
 * with the synchronous executor (no toolkit): the photos come in the reviewer's own saved order, every head's answer
 * is hidden until the reviewer's label is saved (then the reveal is recorded after it), accepting is refused, another
 * reviewer sees none of the first one's labels, and the evaluation can count the blind verdicts only.
 */
class BlindedReviewTest {
    private static final String HEAD = "skin_type";

    @TempDir
    Path temp;
    private DesktopContext context;
    private SessionViewModel session;

    @BeforeEach
    void analyseAFolder() throws Exception {
        context = DesktopContext.create(AppPaths.current(), List.of(), new SettingsStore(temp.resolve("settings.json")),
                new CurrentThreadTaskExecutor());
        context.start();
        session = context.session();
        session.reviewer().setName("Ana");
        session.openFolder(SessionViewModelTest.folderOfPhotos(temp.resolve("clinic")));
        session.startBatch();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Session store() {
        return session.sessionProperty().get();
    }

    private HeadReview head() {
        return session.review().heads().stream().filter(h -> h.head().equals(HEAD)).findFirst().orElseThrow();
    }

    private ReviewRow reviewable() {
        return session.table().sortedRows().stream().filter(ReviewRow::reviewable).findFirst().orElseThrow();
    }

    @Test
    void theAnswerStaysHiddenUntilTheReviewersLabelIsSavedAndTheRevealComesAfterIt() throws Exception {
        session.table().filterProperty().set(RowFilter.LOW_CONFIDENCE);
        session.setBlinded(true);
        assertThat(session.table().filterProperty().get()).as("a filter by the model's confidence tells its answer")
                .isEqualTo(RowFilter.ALL);
        assertThat(RowFilter.choosableBlind()).doesNotContain(RowFilter.LABEL, RowFilter.LOW_CONFIDENCE,
                RowFilter.MODELS_DISAGREE);

        assertThat(session.blindedProperty().get()).isTrue();
        assertThat(store().blinding().isBlinded()).isTrue();
        List<Long> shown = session.table().sortedRows().stream().map(ReviewRow::photoId).toList();
        assertThat(shown).isEqualTo(store().blinding().inReadingOrder(session.table().rows(), ReviewRow::photoId,
                "Ana").stream().map(ReviewRow::photoId).toList());

        ReviewRow row = reviewable();
        session.review().select(row);
        assertThat(session.review().heads()).isNotEmpty().allMatch(HeadReview::hidden);
        session.review().acceptAll();
        assertThat(context.notices().currentProperty().get().text()).startsWith("Blinded reading: give your own "
                + "label");
        assertThat(store().reviews().verdictHistory(row.photoId())).isEmpty();

        String label = head().labels().get(0);
        session.review().override(HEAD, label);

        assertThat(head().hidden()).isFalse();
        assertThat(head().current()).hasValueSatisfying(v -> assertThat(v.label()).isEqualTo(label));
        assertThat(session.review().heads().stream().filter(h -> !h.head().equals(HEAD))).allMatch(HeadReview::hidden);
        Verdict verdict = store().reviews().verdictHistory(row.photoId()).get(0);
        Reveal reveal = store().blinding().reveals(row.photoId()).get(0);
        assertThat(reveal.head()).isEqualTo(HEAD);
        assertThat(reveal.reviewer()).isEqualTo("Ana");
        assertThat(reveal.afterVerdict()).as("shown after the reviewer's label").isEqualTo(verdict.id());
        assertThat(reveal.at()).isAfterOrEqualTo(verdict.at());

        EvaluationViewModel evaluation = session.evaluation();
        evaluation.blindOnlyProperty().set(true);
        evaluation.openProperty().set(true);
        assertThat(evaluation.shownProperty().get().heads().stream().filter(h -> h.head().equals(HEAD)).findFirst()
                .orElseThrow().n()).isEqualTo(1);
        assertThat(evaluation.truthTextProperty().get()).contains("blind verdicts");
        evaluation.showCell(HEAD, label, row.label(HEAD));
        assertThat(session.table().filterProperty().get()).as("no list of photos by the model's answer")
                .isEqualTo(RowFilter.ALL);
        assertThat(context.notices().currentProperty().get().text()).startsWith("Blinded reading is on, so the "
                + "table does not list photos");
    }

    @Test
    void anotherReviewerGetsTheirOwnOrderAndNoneOfTheFirstReviewersLabels() throws Exception {
        session.setBlinded(true);
        ReviewRow row = reviewable();
        session.review().select(row);
        session.review().override(HEAD, head().labels().get(0));

        session.reviewer().setName("Ben");

        assertThat(session.blindedProperty().get()).isTrue();
        assertThat(session.table().sortedRows().stream().map(ReviewRow::photoId).toList())
                .isEqualTo(store().blinding().inReadingOrder(session.table().rows(), ReviewRow::photoId, "Ben")
                        .stream().map(ReviewRow::photoId).toList());
        session.review().select(session.table().rows().stream().filter(r -> r.photoId() == row.photoId())
                .findFirst().orElseThrow());
        assertThat(head().hidden()).isTrue();
        assertThat(head().current()).isEmpty();
        assertThat(head().history()).isEmpty();
    }

    @Test
    void turningItOffShowsTheAnswersAgainAndAcceptWorks() throws Exception {
        session.setBlinded(true);
        session.setBlinded(false);
        assertThat(session.blindedProperty().get()).isFalse();
        assertThat(store().blinding().history()).hasSize(2);
        ReviewRow row = reviewable();
        session.review().select(row);
        assertThat(session.review().heads()).noneMatch(HeadReview::hidden);
        session.review().acceptAll();
        assertThat(store().reviews().verdictHistory(row.photoId())).isNotEmpty();
        assertThat(context.notices().currentProperty().get()).extracting(Notice::text).asString()
                .doesNotStartWith("Blinded reading: give");
    }
}
