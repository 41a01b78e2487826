package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.platform.AppPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ordered runs whose photos are decoded ahead on decoder threads while the workers run the model: the same outcomes
 * in the same order as one photo at a time, a stopped run that decodes nothing more, and no thread left after close.
 */
class DecodeAheadTest {
    /** Every kind of photo a folder holds: small PNGs, the 12 MP phone photo, progressive, Adobe RGB, broken. */
    private static final List<String> FOLDER = List.of("skimage_coins.png", "broken_skimage_truncated.jpg",
            "phone_IMG_20200827_231612.jpg", "skimage_rocket.jpg", "phone_IMG_1054.JPG", "broken_forensics_empty.jpg",
            "skimage_chelsea.png", "skimage_astronaut.png", "skimage_hubble_deep_field.jpg", "skimage_camera.png");

    private static Analyzer analyzer;

    @BeforeAll
    static void open() throws Exception {
        analyzer = new Analyzer(SharedEngine.loader().load(SharedEngine.reference(), List.of(ModelFormat.ONNX), 1),
                new ImageLoader());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void decodingAheadGivesTheSameOutcomesInTheSameOrderAsOnePhotoAtATime() throws Exception {
        List<Path> files = folderTwice();
        List<AnalysisOutcome> oneByOne = files.stream().map(analyzer::analyze).toList();

        for (int[] split : new int[][] {{1, 1}, {1, 2}, {2, 1}}) {
            List<AnalysisOutcome> ahead = new ArrayList<>();
            try (AnalysisPool pool = new AnalysisPool(split[0], split[1])) {
                pool.analyzeInOrder(analyzer, files, ahead::add);
            }
            assertSameOutcomes(ahead, oneByOne);
        }
        assertThat(oneByOne).filteredOn(AnalysisFailure.class::isInstance).hasSize(4);
    }

    @Test
    void aRegionThatDoesNotFitSomePhotosFailsThoseInPlaceAndTheOthersAreAnalysedAsOneByOne() throws Exception {
        List<Path> files = folderTwice();
        RegionRequest box = RegionRequest.box(Region.user(100, 80, 600, 500));
        List<AnalysisOutcome> oneByOne = files.stream().map(file -> analyzer.analyze(file, box)).toList();

        List<AnalysisOutcome> ahead = new ArrayList<>();
        try (AnalysisPool pool = new AnalysisPool(1, 1)) {
            pool.analyzeInOrder(analyzer, files, box, ahead::add);
        }

        assertSameOutcomes(ahead, oneByOne);
        assertThat(ahead).filteredOn(o -> o instanceof AnalysisFailure f && f.code().equals("REGION_OUTSIDE_PHOTO"))
                .isNotEmpty();
        assertThat(ahead).filteredOn(Analysis.class::isInstance).isNotEmpty();
    }

    @Test
    void theLargestFaceIsChosenOnTheDecoderThreadAsItIsOneByOne() throws Exception {
        TestFiles.faceDetectorPackage();
        List<Path> files = folderTwice();
        try (Analyzer withFaces = Engine.create(AppPaths.current(), List.of()).open(ModelRequest
                .model("haski-reference").forcing(ModelFormat.ONNX).withThreads(ThreadBudget.single()))) {
            List<AnalysisOutcome> oneByOne = files.stream()
                    .map(file -> withFaces.analyze(file, RegionRequest.LARGEST_FACE)).toList();

            List<AnalysisOutcome> ahead = new ArrayList<>();
            try (AnalysisPool pool = new AnalysisPool(1, 1)) {
                pool.analyzeInOrder(withFaces, files, RegionRequest.LARGEST_FACE, ahead::add);
            }

            assertSameOutcomes(ahead, oneByOne);
            assertThat(ahead).filteredOn(o -> o instanceof Analysis a && a.region().source() == Region.Source.FACE)
                    .isNotEmpty();
            assertThat(ahead).filteredOn(o -> o instanceof AnalysisFailure f && f.code().equals("NO_FACE_FOUND"))
                    .isNotEmpty();
        }
    }

    @Test
    void aRunStoppedByItsSinkDecodesNothingMoreAndTheNextRunOnThePoolIsWhole() throws Exception {
        List<Path> files = folderTwice();
        List<AnalysisOutcome> oneByOne = files.stream().map(analyzer::analyze).toList();
        AtomicInteger handed = new AtomicInteger();
        try (AnalysisPool pool = new AnalysisPool(1, 1)) {
            assertThatThrownBy(() -> pool.analyzeInOrder(analyzer, files, outcome -> {
                if (handed.incrementAndGet() == 3) {
                    throw new IOException("disk full");
                }
            })).isInstanceOf(IOException.class).hasMessage("disk full");
            assertThat(handed).hasValue(3);

            // Nothing of the stopped run (a photo decoded ahead, a decode still queued) reaches the next one.
            List<AnalysisOutcome> next = new ArrayList<>();
            pool.analyzeInOrder(analyzer, files, next::add);
            assertSameOutcomes(next, oneByOne);
        }
    }

    @Test
    void anInterruptedCallerStopsTheRunWithTheInterrupt() {
        List<Path> files = folderTwice();
        AtomicInteger handed = new AtomicInteger();
        try (AnalysisPool pool = new AnalysisPool(1, 1)) {
            assertThatThrownBy(() -> pool.analyzeInOrder(analyzer, files, outcome -> {
                if (handed.incrementAndGet() == 2) {
                    Thread.currentThread().interrupt();
                }
            })).isInstanceOf(InterruptedException.class);
        }
        assertThat(handed).hasValue(2);
    }

    @Test
    void stepsDiscardedBeforeTheyStartAreNeverDecoded() throws Exception {
        DecodeAhead ahead = new DecodeAhead(analyzer, RegionRequest.WHOLE);
        DecodeAhead.Step first = ahead.add(TestFiles.photo("skimage_coins.png"));
        DecodeAhead.Step second = ahead.add(TestFiles.photo("skimage_camera.png"));
        assertThat(ahead.runNext()).isTrue();

        ahead.discardAll();

        assertThat(ahead.runNext()).as("a decoder finds nothing left to decode").isFalse();
        assertThat(first.await().refusal()).isEmpty();
        assertThatThrownBy(second::await).isInstanceOf(CancellationException.class);
    }

    @Test
    void closeLeavesNoWorkerOrDecoderThreadBehind() throws Exception {
        Set<Thread> before = analysisThreads();
        try (AnalysisPool pool = new AnalysisPool(2, 2)) {
            pool.analyzeInOrder(analyzer, folderTwice(), outcome -> { });
            assertThat(newThreads(before)).as("the run started workers and decoders").isNotEmpty();
        }
        assertThat(leftAfterClose(before)).isEmpty();
    }

    @Test
    void closingThePoolDuringARunEndsTheRunAndLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = analysisThreads();
        AnalysisPool pool = new AnalysisPool(1, 1);
        CountDownLatch firstHanded = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                pool.analyzeInOrder(analyzer, Collections.nCopies(40, TestFiles.photo("skimage_coffee.png")),
                        outcome -> {
                            firstHanded.countDown();
                            closed.await();
                        });
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        caller.start();
        assertThat(firstHanded.await(60, TimeUnit.SECONDS)).isTrue();
        pool.close();
        closed.countDown();
        caller.join(TimeUnit.SECONDS.toMillis(60));

        assertThat(caller.isAlive()).as("the run's caller is still waiting").isFalse();
        assertThat(ended.get()).isInstanceOfAny(CancellationException.class, IllegalStateException.class);
        assertThat(leftAfterClose(before)).isEmpty();
    }

    private static List<Path> folderTwice() {
        List<Path> files = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            FOLDER.forEach(name -> files.add(TestFiles.photo(name)));
        }
        return files;
    }

    /** Same files, same failures, same results to the last bit; only the timings may differ. */
    private static void assertSameOutcomes(List<AnalysisOutcome> actual, List<AnalysisOutcome> expected) {
        assertThat(actual).extracting(AnalysisOutcome::file)
                .containsExactlyElementsOf(expected.stream().map(AnalysisOutcome::file).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("outcome %d (%s)", i, expected.get(i).file().getFileName())
                    .usingRecursiveComparison().ignoringFields("timings").isEqualTo(expected.get(i));
        }
    }

    private static Set<Thread> analysisThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("analysis-"))
                .collect(Collectors.toSet());
    }

    /** Threads of a pool made since {@code before} that are alive now. */
    private static List<Thread> newThreads(Set<Thread> before) {
        return analysisThreads().stream().filter(thread -> !before.contains(thread)).toList();
    }

    /**
     * Threads of a pool made since {@code before} still alive after close: close waits for each to leave its pool,
     * and each is given a bounded time for the last step of ending.
     */
    private static List<Thread> leftAfterClose(Set<Thread> before) throws InterruptedException {
        List<Thread> alive = new ArrayList<>();
        for (Thread thread : newThreads(before)) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                alive.add(thread);
            }
        }
        return alive;
    }
}
