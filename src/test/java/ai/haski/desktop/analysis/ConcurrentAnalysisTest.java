package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One loaded model serves many threads at once and gives each photo the same result as a lone run; closing or
 * switching the model under running analyses fails the analyses in flight cleanly and never labels a result with a
 * model that did not produce it.
 */
class ConcurrentAnalysisTest {
    private static final int THREADS = 8;
    private static final int PER_WORKER = 4;

    @ParameterizedTest
    @EnumSource(ModelFormat.class)
    void eightThreadsGiveTheSameResultsAsOne(ModelFormat format) throws Exception {
        List<Path> photos = List.of(TestFiles.photo("phone_IMG_1054.JPG"), TestFiles.photo("skimage_astronaut.png"),
                TestFiles.photo("skimage_coffee.png"), TestFiles.photo("skimage_rocket.jpg"));
        try (ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(format), 1)) {
            Analyzer analyzer = new Analyzer(model, new ImageLoader());
            List<String> alone = new ArrayList<>();
            for (Path photo : photos) {
                alone.add(probabilities(analyzer.analyze(photo)));
            }

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> together = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (Path photo : photos) {
                        together.add(pool.submit(() -> {
                            start.await();
                            return probabilities(analyzer.analyze(photo));
                        }));
                    }
                }
                start.countDown();
                for (int i = 0; i < together.size(); i++) {
                    assertThat(together.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(alone.get(i % photos.size()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * What the app does when the user picks another model mid-batch: new analyses go to the new model, the old one is
     * closed at once. Every result must carry the provenance of the model that computed it (its probabilities prove
     * which one did), and an analysis caught by the close must fail as INFERENCE_FAILED saying the model was closed.
     */
    @ParameterizedTest
    @EnumSource(ModelFormat.class)
    void switchingAndClosingTheModelUnderEightRunningThreads(ModelFormat first) throws Exception {
        ModelFormat second = first == ModelFormat.ONNX ? ModelFormat.TFLITE : ModelFormat.ONNX;
        List<Path> photos = List.of(TestFiles.photo("skimage_astronaut.png"), TestFiles.photo("skimage_coffee.png"),
                TestFiles.photo("skimage_rocket.jpg"), TestFiles.photo("skimage_chelsea.png"));
        ActiveModel old = SharedEngine.loader().load(SharedEngine.reference(), List.of(first), 1);
        try (ActiveModel replacement = SharedEngine.loader().load(SharedEngine.reference(), List.of(second), 1)) {
            Analyzer oldAnalyzer = new Analyzer(old, new ImageLoader());
            Analyzer newAnalyzer = new Analyzer(replacement, new ImageLoader());
            Map<String, String> expected = new HashMap<>();
            for (Path photo : photos) {
                expected.put(first.id() + " " + photo, probabilities(oldAnalyzer.analyze(photo)));
                expected.put(second.id() + " " + photo, probabilities(newAnalyzer.analyze(photo)));
            }

            AtomicReference<Analyzer> current = new AtomicReference<>(oldAnalyzer);
            ConcurrentLinkedQueue<AnalysisOutcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicInteger done = new AtomicInteger();
            AtomicInteger closedFailures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t;
                    workers.add(pool.submit(() -> {
                        // Each worker holds on to the analyzer it started with for a few photos, like a batch
                        // task that read the active model before the switch.
                        Analyzer mine = current.get();
                        for (int i = 0; i < PER_WORKER; i++) {
                            AnalysisOutcome outcome = mine.analyze(photos.get((offset + i) % photos.size()));
                            outcomes.add(outcome);
                            done.incrementAndGet();
                            if (outcome instanceof AnalysisFailure) {
                                closedFailures.incrementAndGet();
                                mine = current.get();
                            }
                        }
                    }));
                }
                while (done.get() < THREADS) {
                    Thread.sleep(5);
                }
                current.set(newAnalyzer);
                old.close();
                for (Future<?> worker : workers) {
                    worker.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                old.close();
            }

            assertThat(outcomes).hasSize(THREADS * PER_WORKER);
            for (AnalysisOutcome outcome : outcomes) {
                if (outcome instanceof Analysis analysis) {
                    String producer = analysis.provenance().format();
                    assertThat(probabilities(analysis)).as("result labelled %s", producer)
                            .isEqualTo(expected.get(producer + " " + analysis.file()));
                    assertThat(analysis.provenance().modelSha256())
                            .isEqualTo(producer.equals(first.id()) ? old.sha256() : replacement.sha256());
                } else {
                    AnalysisFailure failure = (AnalysisFailure) outcome;
                    assertThat(failure.code()).as(failure.message()).isEqualTo("INFERENCE_FAILED");
                    assertThat(failure.message()).contains(failure.file().getFileName().toString())
                            .contains("haski-reference (" + first.id() + ") was closed");
                }
            }
            // Workers still holding the old model when it closed each met the close once, then moved on.
            assertThat(closedFailures.get()).isBetween(1, THREADS);
        }
    }

    private static String probabilities(AnalysisOutcome outcome) {
        assertThat(outcome).as(outcome instanceof AnalysisFailure f ? f.message() : "").isInstanceOf(Analysis.class);
        return ResultJson.toJson(outcome).get("probabilities").toString();
    }
}
