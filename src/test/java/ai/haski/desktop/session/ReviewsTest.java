package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewsTest {
    @TempDir
    Path dir;

    private final Analyzer onnx = SessionFixtures.reference(ModelFormat.ONNX);
    private Session session;
    private StoredResult coins;

    @BeforeEach
    void analyse() throws Exception {
        session = SessionFixtures.analysedSmallSession(dir);
        long photo = session.photos().byPath("skimage_coins.png").orElseThrow().id();
        coins = session.results().forPhoto(photo, ModelKey.of(onnx.provenance())).orElseThrow();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theCurrentVerdictIsTheLatestAndEveryEarlierOneStaysInTheHistory() throws Exception {
        Reviews reviews = session.reviews();
        String modelSkin = coins.head("skin_type").orElseThrow().topLabel();
        String otherSkin = coins.labels("skin_type").stream().filter(l -> !l.equals(modelSkin)).findFirst()
                .orElseThrow();

        Verdict accepted = reviews.accept(coins.analysisId(), "skin_type", "Ada");
        assertThat(accepted.label()).isEqualTo(modelSkin);
        assertThat(reviews.state(coins.photoId())).isEqualTo(ReviewState.ACCEPTED);

        Verdict overridden = reviews.override(coins.analysisId(), "skin_type", otherSkin, "Grace");
        assertThat(reviews.state(coins.photoId())).isEqualTo(ReviewState.OVERRIDDEN);
        assertThat(reviews.currentVerdicts(coins.photoId())).containsOnlyKeys("skin_type")
                .containsEntry("skin_type", overridden);
        assertThat(reviews.verdictHistory(coins.photoId())).containsExactly(accepted, overridden);
        assertThat(overridden.reviewer()).isEqualTo("Grace");
        assertThat(overridden.analysisId()).hasValue(coins.analysisId());
        assertThat(overridden.at()).isAfterOrEqualTo(accepted.at());

        reviews.accept(coins.analysisId(), "skin_type", "Grace");
        assertThat(reviews.state(coins.photoId())).isEqualTo(ReviewState.ACCEPTED);
        assertThat(reviews.verdictHistory(coins.photoId())).hasSize(3);
    }

    @Test
    void anOverrideMustNameOneOfTheHeadsLabels() {
        assertThatThrownBy(() -> session.reviews().override(coins.analysisId(), "skin_type", "purple", "Ada"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purple")
                .hasMessageContaining("normal");
        assertThatThrownBy(() -> session.reviews().accept(coins.analysisId(), "eye_colour", "Ada"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eye_colour");
        assertThatThrownBy(() -> session.reviews().accept(coins.analysisId(), "skin_type", "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reviewer");
    }

    @Test
    void aFailedResultCannotBeAcceptedButThePhotoCanBeFlaggedAndNoted() throws Exception {
        long broken = session.photos().byPath("broken_skimage_truncated.jpg").orElseThrow().id();
        StoredResult failure = session.results().forPhoto(broken).get(0);

        assertThatThrownBy(() -> session.reviews().acceptAll(failure.analysisId(), "Ada"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CORRUPT_IMAGE");

        Flag flag = session.reviews().flag(broken, "ask for the original", "Ada");
        assertThat(session.reviews().state(broken)).isEqualTo(ReviewState.FLAGGED);
        assertThat(session.reviews().currentFlag(broken)).contains(flag);
        session.reviews().unflag(broken, "Ada");
        assertThat(session.reviews().currentFlag(broken)).isEmpty();
        assertThat(session.reviews().flagHistory(broken)).extracting(Flag::flagged).containsExactly(true, false);
        assertThat(session.reviews().state(broken)).isEqualTo(ReviewState.UNREVIEWED);

        session.reviews().note(broken, "first note", "Ada");
        session.reviews().note(broken, "second note", "Grace");
        assertThat(session.reviews().currentNote(broken)).map(Note::text).contains("second note");
        session.reviews().note(broken, "", "Grace");
        assertThat(session.reviews().currentNote(broken)).isEmpty();
        assertThat(session.reviews().noteHistory(broken)).extracting(Note::text)
                .containsExactly("first note", "second note", "");
    }

    @Test
    void acceptAllRecordsEveryHeadInOneGo() throws Exception {
        List<Verdict> verdicts = session.reviews().acceptAll(coins.analysisId(), "Ada");

        assertThat(verdicts).extracting(Verdict::head).containsExactly("skin_type", "hair_type", "condition");
        assertThat(session.reviews().currentVerdicts(coins.photoId())).hasSize(3);
    }

    @Test
    void aListingFiltersByLabelConfidenceReviewStateAndFailuresAndPages() throws Exception {
        PhotoListing listing = session.listing();
        ModelKey model = ModelKey.of(onnx.provenance());
        int photos = SessionFixtures.SMALL_SET.size();

        PhotoPage all = listing.list(PhotoQuery.all());
        assertThat(all.total()).isEqualTo(photos);
        assertThat(all.rows()).extracting(row -> row.photo().relativePath()).isSorted();
        assertThat(all.rows()).allSatisfy(row -> assertThat(row.results()).hasSize(1));

        PhotoPage failures = listing.list(PhotoQuery.all().withFailuresOnly());
        assertThat(failures.rows()).extracting(row -> row.photo().relativePath())
                .containsExactly("broken_skimage_truncated.jpg", "skimage_palette_color.png");
        assertThat(failures.rows()).allMatch(PhotoRow::hasFailure);

        String skin = coins.head("skin_type").orElseThrow().topLabel();
        PhotoPage sameSkin = listing.list(PhotoQuery.all().withModel(model).withLabel("skin_type", skin));
        assertThat(sameSkin.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.results().get(0)
                .head("skin_type").orElseThrow().topLabel()).isEqualTo(skin));

        double threshold = coins.heads().stream().mapToDouble(HeadSummary::topProbability).min().orElseThrow()
                + 1e-6;
        PhotoPage unsure = listing.list(PhotoQuery.all().withConfidenceBelow(threshold));
        assertThat(unsure.rows()).extracting(row -> row.photo().id()).contains(coins.photoId());
        assertThat(unsure.rows()).allSatisfy(row -> assertThat(row.results().get(0).heads())
                .anyMatch(h -> h.topProbability() < threshold));
        PhotoPage sure = listing.list(PhotoQuery.all().withConfidenceBelow(0.0));
        assertThat(sure.total()).isZero();

        PhotoPage lowest = listing.list(PhotoQuery.all().sortedBy(PhotoQuery.Sort.LOWEST_CONFIDENCE));
        List<Double> minima = lowest.rows().stream().filter(row -> !row.hasFailure())
                .map(row -> row.results().get(0).heads().stream().mapToDouble(HeadSummary::topProbability).min()
                        .orElseThrow()).toList();
        assertThat(minima).isSorted();
        assertThat(lowest.rows().get(photos - 1).hasFailure()).isTrue();

        session.reviews().acceptAll(coins.analysisId(), "Ada");
        PhotoPage accepted = listing.list(PhotoQuery.all().withReviewStates(java.util.Set.of(ReviewState.ACCEPTED)));
        assertThat(accepted.rows()).extracting(row -> row.photo().id()).containsExactly(coins.photoId());
        assertThat(accepted.rows().get(0).reviewState()).isEqualTo(ReviewState.ACCEPTED);
        PhotoPage unreviewed = listing.list(PhotoQuery.all()
                .withReviewStates(java.util.Set.of(ReviewState.UNREVIEWED)));
        assertThat(unreviewed.total()).isEqualTo(photos - 1);

        PhotoPage second = listing.list(PhotoQuery.all().page(3, 3));
        assertThat(second.total()).isEqualTo(photos);
        assertThat(second.rows()).extracting(row -> row.photo().relativePath())
                .isEqualTo(all.rows().subList(3, 6).stream().map(row -> row.photo().relativePath()).toList());
    }

    @Test
    void nextUnreviewedSkipsReviewedPhotosInTheListingsOrder() throws Exception {
        PhotoListing listing = session.listing();
        List<Photo> byPath = session.photos().all();
        Photo first = byPath.get(0);
        Photo second = byPath.get(1);
        Photo third = byPath.get(2);
        session.reviews().flag(second.id(), "blurred", "Ada");

        assertThat(listing.nextUnreviewed(PhotoQuery.all(), java.util.OptionalLong.empty())).contains(first);
        assertThat(listing.nextUnreviewed(PhotoQuery.all(), java.util.OptionalLong.of(first.id()))).contains(third);
        assertThat(listing.nextUnreviewed(PhotoQuery.all(),
                java.util.OptionalLong.of(byPath.get(byPath.size() - 1).id()))).isEmpty();
    }
}
