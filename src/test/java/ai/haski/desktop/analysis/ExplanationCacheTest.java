package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache computes a map once per photo, model and request, and again when any of them changes. */
class ExplanationCacheTest {
    @TempDir
    static Path dir;
    private static ActiveModel model;
    private static Analyzer analyzer;

    @BeforeAll
    static void load() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
        analyzer = TestAnalyzers.over(model, new ImageLoader());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Counts the explanations that really ran the model, by their progress reports before the first run. */
    private static final class Counting implements ExplainProgress {
        final AtomicInteger started = new AtomicInteger();

        @Override
        public void update(int done, int total) {
            if (done == 0) {
                started.incrementAndGet();
            }
        }
    }

    @Test
    void theSameRequestTwiceRunsTheModelOnceAndAnEditedPhotoAgain() throws Exception {
        Path photo = Files.copy(TestFiles.photo("skimage_coffee.png"), dir.resolve("coffee.png"));
        ExplanationCache cache = new ExplanationCache(8);
        Counting runs = new Counting();
        ExplainRequest request = ExplainRequest.defaults().withGrid(4);

        Explanation first = (Explanation) cache.explain(analyzer, photo, request, runs, () -> false);
        Explanation second = (Explanation) cache.explain(analyzer, photo, request, runs, () -> false);

        assertThat(runs.started).hasValue(1);
        assertThat(second.map()).isSameAs(first.map());

        cache.explain(analyzer, photo, request.withGrid(5), runs, () -> false);
        cache.explain(analyzer, photo, request.withLabel(Optional.of("dry")), runs, () -> false);
        assertThat(runs.started).hasValue(3);

        // The same bytes with a new modification time: the photo may have been edited, so it is explained again.
        Files.setLastModifiedTime(photo, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Explanation touched = (Explanation) cache.explain(analyzer, photo, request, runs, () -> false);
        assertThat(runs.started).hasValue(4);
        assertThat(touched.map()).isNotSameAs(first.map());
    }

    @Test
    void anotherModelOrAnotherPhotoComputesAgainAndTheOldestIsDropped() {
        ExplanationCache cache = new ExplanationCache(2);
        AtomicInteger computed = new AtomicInteger();
        Provenance one = analyzer.provenance();
        Provenance other = new Provenance(one.modelId(), one.modelName(), one.modelVersion(), "f".repeat(64),
                one.format(), one.runtime(), one.runtimeVersion(), one.clinicalUse());
        ExplainRequest request = ExplainRequest.defaults();
        Path file = Path.of("a.jpg");
        Supplier<ExplainOutcome> fake = () -> {
            computed.incrementAndGet();
            return fakeMap(file, one);
        };
        ExplanationCache.Photo photoA = ExplanationCache.Photo.ofContent(new byte[] {1});
        ExplanationCache.Photo photoB = ExplanationCache.Photo.ofContent(new byte[] {2});

        cache.explain(photoA, one, file, request, fake);
        cache.explain(photoA, one, Path.of("renamed.jpg"), request, fake);
        assertThat(computed).hasValue(1);
        assertThat(cache.explain(photoA, one, Path.of("renamed.jpg"), request, fake).file())
                .isEqualTo(Path.of("renamed.jpg"));

        cache.explain(photoA, other, file, request, fake);
        cache.explain(photoB, one, file, request, fake);
        assertThat(computed).hasValue(3);
        assertThat(cache.size()).isEqualTo(2);
        cache.explain(photoA, one, file, request, fake);
        assertThat(computed).as("the least recently used entry was dropped").hasValue(4);
    }

    @Test
    void failuresAreNotKept() {
        ExplanationCache cache = new ExplanationCache(2);
        AtomicInteger computed = new AtomicInteger();
        Path file = Path.of("a.jpg");
        Supplier<ExplainOutcome> failing = () -> {
            computed.incrementAndGet();
            return new AnalysisFailure(file, "INFERENCE_FAILED", "closed");
        };
        ExplanationCache.Photo photo = ExplanationCache.Photo.ofContent(new byte[] {1});

        cache.explain(photo, analyzer.provenance(), file, ExplainRequest.defaults(), failing);
        cache.explain(photo, analyzer.provenance(), file, ExplainRequest.defaults(), failing);

        assertThat(computed).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    static Explanation fakeMap(Path file, Provenance provenance) {
        OcclusionMap map = new OcclusionMap("skin_type", "dry", 0.5f, new float[][] {{0.1f}}, new double[] {0, 10},
                new double[] {0, 10});
        return new Explanation(file, provenance, new ImageFacts(10, 10, 1, "png"),
                map, new ExplainTimings(1, 1, 1, 1, 4, 1), List.of(), Region.whole(10, 10));
    }
}
