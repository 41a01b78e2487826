package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.analysis.AnalysisPool;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
    @TempDir
    Path dir;

    private final Analyzer onnx = SessionFixtures.reference(ModelFormat.ONNX);

    @Test
    void aBatchStoresOneResultPerPhotoWithProvenanceAndFailuresWithTheirCodes() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            List<BatchProgress> seen = Collections.synchronizedList(new ArrayList<>());
            BatchRunner runner = new BatchRunner(session, onnx, SessionFixtures.pool(2), false);
            runner.addListener(new BatchListener() {
                @Override
                public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {
                    seen.add(progress);
                }
            });

            BatchProgress last = runner.run();

            int photos = SessionFixtures.SMALL_SET.size();
            assertThat(last.state()).isEqualTo(BatchState.FINISHED);
            assertThat(last.total()).isEqualTo(photos);
            assertThat(last.done()).isEqualTo(photos);
            assertThat(last.failed()).isEqualTo(SessionFixtures.SMALL_SET_FAILURES);
            assertThat(last.ratePerSecond()).isPositive();
            assertThat(seen).extracting(BatchProgress::done).isSorted().hasSize(photos);
            List<StoredResult> results = session.results().byModel(runner.model());
            assertThat(results).hasSize(photos);
            StoredResult coins = results.stream().filter(r -> r.relativePath().equals("skimage_coins.png"))
                    .findFirst().orElseThrow();
            assertThat(coins.succeeded()).isTrue();
            assertThat(coins.model().modelId()).isEqualTo("haski-reference");
            assertThat(coins.model().sha256()).isEqualTo(onnx.model().sha256());
            assertThat(coins.model().format()).isEqualTo("onnx");
            assertThat(coins.runtime()).isEqualTo("ONNX Runtime");
            assertThat(coins.runtimeVersion()).isNotBlank();
            assertThat(coins.appVersion()).isNotBlank();
            assertThat(coins.heads()).extracting(HeadSummary::head).containsExactly("skin_type", "hair_type",
                    "condition");
            assertThat(coins.outcome().get("file").asText()).isEqualTo("skimage_coins.png");
            assertThat(coins.outcome().has("skin_type")).isTrue();
            assertThat(coins.labels("hair_type")).containsExactly("straight", "wavy", "curly", "coily");
            assertThat(results).filteredOn(r -> !r.succeeded()).extracting(r -> r.errorCode().orElseThrow())
                    .containsExactlyInAnyOrder("CORRUPT_IMAGE", "IMAGE_TOO_SMALL");
        }
    }

    @Test
    void aBatchDecodingAheadStoresTheSameResultsAsOneDecodingOnItsWorker() throws Exception {
        java.util.Map<String, String> oneByOne;
        try (Session session = SessionFixtures.smallSession(dir.resolve("plain"))) {
            oneByOne = storedWithoutTimings(session, new BatchRunner(session, onnx, SessionFixtures.pool(1), false));
        }
        try (Session session = SessionFixtures.smallSession(dir.resolve("ahead"));
                AnalysisPool decodingAhead = new AnalysisPool(1, 1)) {
            BatchRunner runner = new BatchRunner(session, onnx, decodingAhead, false);
            assertThat(storedWithoutTimings(session, runner)).isEqualTo(oneByOne);
        }
        assertThat(oneByOne).hasSize(SessionFixtures.SMALL_SET.size());
    }

    @Test
    void aBatchDecodingAheadThatIsCancelledSavesOnlyThePhotosStartedAndTheNextRunDoesTheRest() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir);
                AnalysisPool decodingAhead = new AnalysisPool(1, 1)) {
            BatchRunner first = new BatchRunner(session, onnx, decodingAhead, false);
            first.addListener(new BatchListener() {
                @Override
                public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {
                    first.cancel();
                }
            });

            BatchProgress cancelled = first.run();

            // One worker: the photo that triggered the cancel only; the photos decoded ahead are dropped unsaved.
            assertThat(cancelled.state()).isEqualTo(BatchState.CANCELLED);
            assertThat(cancelled.done()).isEqualTo(1);
            assertThat(session.results().byModel(first.model())).hasSize(1);

            BatchProgress rest = new BatchRunner(session, onnx, decodingAhead, false).run();
            assertThat(rest.done()).isEqualTo(SessionFixtures.SMALL_SET.size() - 1);
            assertThat(resultRowsPerPhoto(session.file())).hasSize(SessionFixtures.SMALL_SET.size()).containsOnly(1);
        }
    }

    /** Each stored result by photo, its JSON without the timings (the one part two runs may differ in). */
    private static java.util.Map<String, String> storedWithoutTimings(Session session, BatchRunner runner)
            throws SessionException {
        runner.run();
        java.util.Map<String, String> stored = new java.util.TreeMap<>();
        for (StoredResult result : session.results().byModel(runner.model())) {
            com.fasterxml.jackson.databind.node.ObjectNode json = result.outcome().deepCopy();
            json.remove("timings_ms");
            stored.put(result.relativePath(), json.toString());
        }
        return stored;
    }

    @Test
    void aCancelledBatchKeepsWhatFinishedAndTheNextRunDoesOnlyTheRestWithoutDuplicates() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            BatchRunner first = new BatchRunner(session, onnx, SessionFixtures.pool(2), false);
            first.addListener(new BatchListener() {
                @Override
                public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {
                    first.cancel();
                }
            });

            BatchProgress cancelled = first.run();

            assertThat(cancelled.state()).isEqualTo(BatchState.CANCELLED);
            // The photo that triggered the cancel, and at most one more that was in flight on the other thread.
            assertThat(cancelled.done()).isBetween(1, 2);
            int saved = session.results().byModel(first.model()).size();
            assertThat(saved).isEqualTo(cancelled.done());

            BatchProgress rest = new BatchRunner(session, onnx, SessionFixtures.pool(2), false).run();

            int photos = SessionFixtures.SMALL_SET.size();
            assertThat(rest.state()).isEqualTo(BatchState.FINISHED);
            assertThat(rest.alreadyAnalysed()).isEqualTo(saved);
            assertThat(rest.done()).isEqualTo(photos - saved);
            assertThat(resultRowsPerPhoto(session.file())).hasSize(photos).containsOnly(1);

            BatchProgress nothing = new BatchRunner(session, onnx, SessionFixtures.pool(2), false).run();
            assertThat(nothing.total()).isZero();
            assertThat(nothing.alreadyAnalysed()).isEqualTo(photos);
        }
    }

    @Test
    void savingTheSameResultTwiceKeepsTheFirstAndARetryReplacesOnlyFailures() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            SessionFixtures.analyseAll(session, onnx);
            Photo coins = session.photos().byPath("skimage_coins.png").orElseThrow();
            StoredResult before = session.results().forPhoto(coins.id(), ModelKey.of(onnx.provenance()))
                    .orElseThrow();

            StoredResult again = session.results().save(coins, onnx.analyze(coins.resolveIn(session.root())),
                    onnx.provenance(), coins.sizeBytes(), coins.modifiedMillis());

            assertThat(again.analysisId()).isEqualTo(before.analysisId());
            assertThat(again.analysedAt()).isEqualTo(before.analysedAt());

            Files.copy(ai.haski.desktop.TestFiles.photo("skimage_rocket.jpg"),
                    session.root().resolve("broken_skimage_truncated.jpg"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            BatchProgress retry = new BatchRunner(session, onnx, SessionFixtures.pool(1), true).run();
            assertThat(retry.total()).isEqualTo(SessionFixtures.SMALL_SET_FAILURES);
            assertThat(retry.failed()).isEqualTo(1);
            assertThat(resultRowsPerPhoto(session.file())).containsOnly(1);
        }
    }

    @Test
    void pauseStopsStartingPhotosUntilResumed() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            BatchRunner runner = new BatchRunner(session, onnx, SessionFixtures.pool(1), false);
            CountDownLatch paused = new CountDownLatch(1);
            runner.addListener(new BatchListener() {
                @Override
                public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {
                    if (progress.done() == 1) {
                        runner.pause();
                        paused.countDown();
                    }
                }
            });
            CompletableFuture<BatchProgress> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run();
                } catch (SessionException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(600);
            assertThat(runner.state()).isEqualTo(BatchState.PAUSED);
            assertThat(runner.progress().done()).isEqualTo(1);

            runner.resume();
            BatchProgress last = run.get(60, TimeUnit.SECONDS);

            assertThat(last.state()).isEqualTo(BatchState.FINISHED);
            assertThat(last.done()).isEqualTo(SessionFixtures.SMALL_SET.size());
        }
    }

    @Test
    void cancelWhilePausedEndsTheRunWithinASecond() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            BatchRunner runner = new BatchRunner(session, onnx, SessionFixtures.pool(2), false);
            runner.addListener(new BatchListener() {
                @Override
                public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {
                    runner.pause();
                }
            });
            CompletableFuture<BatchProgress> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run();
                } catch (SessionException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (runner.state() != BatchState.PAUSED) {
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            runner.cancel();
            BatchProgress last = run.get(5, TimeUnit.SECONDS);

            assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
            assertThat(last.state()).isEqualTo(BatchState.CANCELLED);
            assertThat(session.results().byModel(runner.model())).hasSize(last.done());
        }
    }

    @Test
    void aSecondBatchOnTheSameSessionIsRefusedWhileTheFirstRuns() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir);
                Session otherWindow = Session.openFile(session.file())) {
            BatchRunner first = new BatchRunner(session, onnx, SessionFixtures.pool(1), false);
            first.addListener(new BatchListener() {
                @Override
                public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {
                    first.pause();
                }
            });
            CompletableFuture<BatchProgress> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.run();
                } catch (SessionException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (first.state() != BatchState.PAUSED) {
                Thread.sleep(10);
            }

            BatchRunner second = new BatchRunner(otherWindow, onnx, SessionFixtures.pool(1), false);
            assertThatThrownBy(second::run).isInstanceOf(SessionException.class)
                    .hasMessageContaining("already being analysed").hasMessageContaining(session.file().toString());
            assertThat(second.state()).isEqualTo(BatchState.FAILED);

            first.cancel();
            run.get(10, TimeUnit.SECONDS);
            BatchProgress rest = new BatchRunner(otherWindow, onnx, SessionFixtures.pool(2), false).run();
            assertThat(rest.state()).isEqualTo(BatchState.FINISHED);
            assertThat(Path.of(session.file() + ".batch-lock")).doesNotExist();
        }
    }

    @Test
    void aPhotoDeletedAfterTheScanIsMarkedMissingInsteadOfFailing() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            Files.delete(session.root().resolve("skimage_coins.png"));

            BatchProgress last = SessionFixtures.analyseAll(session, onnx);

            assertThat(last.missing()).isEqualTo(1);
            assertThat(session.photos().byPath("skimage_coins.png").orElseThrow().state())
                    .isEqualTo(PhotoState.MISSING);
            assertThat(session.results().byModel(ModelKey.of(onnx.provenance())))
                    .hasSize(SessionFixtures.SMALL_SET.size() - 1);
        }
    }

    @Test
    void aFolderThatDisappearsMidBatchStopsItWithAMessageAndMarksNothingMissing() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            Path unplugged = dir.resolve("unplugged");
            BatchRunner runner = new BatchRunner(session, onnx, SessionFixtures.pool(1), false);
            runner.addListener(new BatchListener() {
                @Override
                public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress progress) {
                    if (progress.done() == 1) {
                        try {
                            // As a drive that is unplugged or a share that drops: the folder is no longer there.
                            Files.move(session.root(), unplugged);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            });

            assertThatThrownBy(runner::run).isInstanceOf(SessionException.class)
                    .hasMessageContaining(session.root().toString()).hasMessageContaining("can no longer be read")
                    .hasMessageContaining("result saved so far is kept");

            assertThat(runner.state()).isEqualTo(BatchState.FAILED);
            assertThat(session.results().byModel(runner.model())).hasSize(1);
            assertThat(session.photos().count(PhotoState.MISSING)).isZero();

            Files.move(unplugged, session.root());
            BatchProgress rest = SessionFixtures.analyseAll(session, onnx);
            assertThat(rest.done()).isEqualTo(SessionFixtures.SMALL_SET.size() - 1);
            assertThat(session.results().byModel(runner.model())).hasSize(SessionFixtures.SMALL_SET.size());
        }
    }

    @Test
    void anotherModelKeepsItsOwnResultsBesideTheFirstAndDisagreementsAreListed() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            Analyzer tflite = SessionFixtures.reference(ModelFormat.TFLITE);
            Analyzer other = SessionFixtures.otherSeed();
            SessionFixtures.analyseAll(session, onnx);
            SessionFixtures.analyseAll(session, tflite);
            SessionFixtures.analyseAll(session, other);

            ModelKey a = ModelKey.of(onnx.provenance());
            ModelKey b = ModelKey.of(tflite.provenance());
            ModelKey c = ModelKey.of(other.provenance());
            assertThat(session.results().models()).containsExactly(a, b, c);
            assertThat(resultRowsPerPhoto(session.file())).containsOnly(3);
            // The same network on two runtimes agrees; a network with other weights does not.
            assertThat(session.results().disagreements(a, b)).isEmpty();
            List<Disagreement> disagreements = session.results().disagreements(a, c);
            assertThat(disagreements).isNotEmpty();
            for (Disagreement d : disagreements) {
                String labelA = session.results().forPhoto(d.photoId(), a).orElseThrow().head(d.head()).orElseThrow()
                        .topLabel();
                String labelC = session.results().forPhoto(d.photoId(), c).orElseThrow().head(d.head()).orElseThrow()
                        .topLabel();
                assertThat(d.labelA()).isEqualTo(labelA).isNotEqualTo(labelC);
                assertThat(d.labelB()).isEqualTo(labelC);
            }
        }
    }

    /** How many result rows each photo has, straight from the file. */
    static List<Integer> resultRowsPerPhoto(Path file) throws Exception {
        List<Integer> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(a.id) FROM photo p LEFT JOIN analysis a "
                        + "ON a.photo_id = p.id WHERE p.state = 'present' GROUP BY p.id")) {
            while (rows.next()) {
                counts.add(rows.getInt(1));
            }
        }
        return counts;
    }
}
