package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.session.Blinding;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.StoredResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blinded reading in a real session file: the mode and its history, each reviewer's saved order, the reveals, and
 * the truth from blind verdicts only, which leaves out verdicts given before the mode was on or after the model's
 * answer was shown.
 */
class BlindedReadingTest {
    @TempDir
    Path dir;

    private static StoredResult result(Session session, String file) throws SessionException {
        ModelKey model = ModelKey.of(SyntheticSession.MODEL_A);
        return session.results().byModel(model).stream().filter(r -> r.relativePath().equals(file)).findFirst()
                .orElseThrow();
    }

    @Test
    void theModeIsRecordedWithItsHistoryAndSurvivesReopening() throws Exception {
        Path file;
        try (Session session = SyntheticSession.create(dir)) {
            file = session.file();
            assertThat(session.blinding().isBlinded()).isFalse();
            session.blinding().setBlinded(true, "Ana");
            assertThat(session.blinding().isBlinded()).isTrue();
            session.blinding().setBlinded(false, "Ben");
            session.blinding().setBlinded(true, "Ana");
            assertThat(session.blinding().history()).extracting(Blinding.ModeChange::blinded)
                    .containsExactly(true, false, true);
            assertThat(session.blinding().history()).extracting(Blinding.ModeChange::changedBy)
                    .containsExactly("Ana", "Ben", "Ana");
            assertThatThrownBy(() -> session.blinding().setBlinded(true, "  "))
                    .hasMessageContaining("reviewer name");
        }
        try (Session reopened = Session.openFile(file)) {
            assertThat(reopened.blinding().isBlinded()).isTrue();
        }
    }

    @Test
    void eachReviewerHasTheirOwnOrderOfEveryPhotoTheSameEachTime() throws Exception {
        Path file;
        List<Long> anaOrder;
        try (Session session = SyntheticSession.create(dir)) {
            file = session.file();
            List<Photo> photos = session.photos().all();
            anaOrder = session.blinding().inReadingOrder(photos, Photo::id, "Ana").stream().map(Photo::id).toList();
            List<Long> benOrder = session.blinding().inReadingOrder(photos, Photo::id, "Ben").stream()
                    .map(Photo::id).toList();
            assertThat(anaOrder).containsExactlyInAnyOrderElementsOf(photos.stream().map(Photo::id).toList());
            assertThat(benOrder).containsExactlyInAnyOrderElementsOf(anaOrder);
            // 49 photos: two independent shuffles agree in every place with a chance of 1 in 49!.
            assertThat(benOrder).isNotEqualTo(anaOrder);
            assertThat(anaOrder).isNotEqualTo(photos.stream().map(Photo::id).sorted().toList());
        }
        try (Session reopened = Session.openFile(file)) {
            List<Photo> photos = reopened.photos().all();
            assertThat(reopened.blinding().inReadingOrder(photos, Photo::id, "Ana").stream().map(Photo::id).toList())
                    .isEqualTo(anaOrder);
        }
    }

    @Test
    void onlyVerdictsGivenBeforeTheRevealInABlindedSessionAreTheBlindTruth() throws Exception {
        try (Session session = SyntheticSession.create(dir)) {
            SyntheticSession.analyse(session, Map.of());
            // Before the mode is on: not blind, whatever was shown.
            session.reviews().override(result(session, "p01.png").analysisId(), "skin_type", "oily", "Ana");
            session.blinding().setBlinded(true, "Ana");

            // Blind: the label first, the reveal after it (as the window does).
            StoredResult p02 = result(session, "p02.png");
            session.reviews().override(p02.analysisId(), "skin_type", "dry", "Ana");
            session.blinding().reveal(p02, List.of("skin_type"), "Ana");
            // A change of mind after seeing the answer is not blind: Ana's blind verdict on p02 stays her truth.
            session.reviews().override(p02.analysisId(), "skin_type", "normal", "Ana");

            // Shown first (the reviewer asked to see it), then labelled: not blind.
            StoredResult p05 = result(session, "p05.png");
            session.blinding().reveal(p05, List.of("skin_type"), "Ana");
            session.reviews().override(p05.analysisId(), "skin_type", "oily", "Ana");

            // Another reviewer's reveal does not unblind Ana.
            StoredResult p06 = result(session, "p06.png");
            session.blinding().reveal(p06, List.of("skin_type"), "Ben");
            session.reviews().override(p06.analysisId(), "skin_type", "combination", "Ana");

            GroundTruth blind = VerdictTruth.of(session, VerdictRule.latest(), true);
            assertThat(blind.labels()).containsOnlyKeys("p02.png", "p06.png");
            assertThat(blind.label("p02.png", "skin_type")).hasValue("dry");
            assertThat(blind.label("p06.png", "skin_type")).hasValue("combination");
            assertThat(blind.details()).containsEntry("blind", "only");
            assertThat(session.blinding().reveals(p02.photoId())).singleElement()
                    .satisfies(reveal -> assertThat(reveal.reviewer()).isEqualTo("Ana"));

            GroundTruth all = VerdictTruth.of(session, VerdictRule.latest(), false);
            assertThat(all.labels()).containsOnlyKeys("p01.png", "p02.png", "p05.png", "p06.png");
            assertThat(all.label("p02.png", "skin_type")).hasValue("normal");
            assertThat(new String(EvaluationHtml.bytes(new SessionEvaluator(session).evaluate(
                    List.of(ModelKey.of(SyntheticSession.MODEL_A)), blind), java.time.Instant.now()),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("yes: only verdicts given in blinded reading");
        }
    }

    @Test
    void beforeAndAfterAreByTheVerdictsOrderNotByTheClock() throws Exception {
        try (Session session = SyntheticSession.create(dir)) {
            SyntheticSession.analyse(session, Map.of());
            StoredResult p07 = result(session, "p07.png");
            session.blinding().setBlinded(true, "Ana");
            ai.haski.desktop.session.Verdict first = session.reviews().override(p07.analysisId(), "skin_type", "dry",
                    "Ana");
            session.blinding().reveal(p07, List.of("skin_type"), "Ana");
            ai.haski.desktop.session.Verdict second = session.reviews().override(p07.analysisId(), "skin_type",
                    "oily", "Ana");
            List<ai.haski.desktop.session.Reveal> reveals = session.blinding().reveals(p07.photoId());
            assertThat(reveals).singleElement().satisfies(r -> assertThat(r.afterVerdict()).isEqualTo(first.id()));
            List<Blinding.ModeChange> modes = session.blinding().history();
            // However close in time (the same millisecond, even), the first came before the reveal, the second after.
            assertThat(Blinding.givenBlind(first, reveals, modes)).isTrue();
            assertThat(Blinding.givenBlind(second, reveals, modes)).isFalse();
            assertThat(Blinding.givenBlind(first, reveals, List.of())).as("not blinded at the time").isFalse();
        }
    }
}
