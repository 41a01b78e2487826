package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one worker pool: ordered and unordered runs, pause, cancel, failures and interrupts. */
class AnalysisPoolTest {
    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

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
    void anOrderedRunHandsEveryOutcomeBackInInputOrder() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String name : List.of("skimage_coins.png", "broken_skimage_truncated.jpg", "skimage_camera.png",
                    "skimage_rocket.jpg")) {
                files.add(TestFiles.photo(name));
            }
        }
        List<AnalysisOutcome> outcomes = new ArrayList<>();
        try (AnalysisPool pool = new AnalysisPool(2)) {
            pool.analyzeInOrder(analyzer, files, outcomes::add);
        }

        assertThat(outcomes).extracting(AnalysisOutcome::file).containsExactlyElementsOf(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(outcomes.get(i) instanceof AnalysisFailure).isEqualTo(i % 4 == 1);
        }
    }

    @Test
    void anOrderedRunStopsWhenItsSinkThrows() {
        List<Path> files = Collections.nCopies(20, TestFiles.photo("skimage_coins.png"));
        AtomicInteger handed = new AtomicInteger();
        try (AnalysisPool pool = new AnalysisPool(2)) {
            assertThatThrownBy(() -> pool.analyzeInOrder(analyzer, files, outcome -> {
                if (handed.incrementAndGet() == 3) {
                    throw new IOException("disk full");
                }
            })).isInstanceOf(IOException.class).hasMessage("disk full");
        }
        assertThat(handed).hasValue(3);
    }

    @Test
    void anUnorderedRunDoesEveryItemOnceWithNoMoreInFlightThanWorkers() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (AnalysisPool pool = new AnalysisPool(3)) {
            pool.forEach(TEN, new RunControl(), item -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                done.add(item);
                inFlight.decrementAndGet();
            });
        }

        assertThat(done).containsExactlyInAnyOrderElementsOf(TEN);
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void aPausedRunStartsNothingUntilResumedAndHoldsNoWorker() throws Exception {
        RunControl control = new RunControl();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (AnalysisPool pool = new AnalysisPool(1)) {
            CountDownLatch firstDone = new CountDownLatch(1);
            Thread[] caller = new Thread[1];
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                caller[0] = Thread.currentThread();
                pool.forEach(TEN, control, item -> {
                    done.add(item);
                    if (item == 0) {
                        control.pause();
                        firstDone.countDown();
                    }
                });
            });
            assertThat(firstDone.await(10, TimeUnit.SECONDS)).isTrue();
            awaitBlockedIn(caller, "awaitGo");

            assertThat(done).containsExactly(0);
            // The only worker is free while the run is paused: another run gets it.
            AtomicBoolean otherRan = new AtomicBoolean();
            CompletableFuture.runAsync(() -> pool.forEach(List.of(1), new RunControl(), item -> otherRan.set(true)))
                    .get(10, TimeUnit.SECONDS);
            assertThat(otherRan).isTrue();
            assertThat(done).containsExactly(0);

            control.resume();
            run.get(10, TimeUnit.SECONDS);
        }
        assertThat(done).containsExactlyElementsOf(TEN);
    }

    @Test
    void aCancelledRunStartsNoMoreItems() {
        RunControl control = new RunControl();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (AnalysisPool pool = new AnalysisPool(1)) {
            pool.forEach(TEN, control, item -> {
                done.add(item);
                if (item == 2) {
                    control.cancel();
                }
            });
        }
        assertThat(done).containsExactly(0, 1, 2);
    }

    @Test
    void aTaskThatThrowsStopsTheRunAndItsExceptionComesBackAfterTheItemsInFlightFinish() {
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicBoolean secondFinished = new AtomicBoolean();
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        RunControl control = new RunControl();
        try (AnalysisPool pool = new AnalysisPool(2)) {
            assertThatThrownBy(() -> pool.forEach(TEN, control, item -> {
                started.add(item);
                if (item == 0) {
                    secondStarted.await();
                    throw new IOException("cannot save");
                }
                secondStarted.countDown();
                // Item 1 is still in flight when item 0 fails, and finishes only once the run is cancelled.
                while (!control.isCancelled()) {
                    Thread.onSpinWait();
                }
                secondFinished.set(true);
            })).isInstanceOf(IOException.class).hasMessage("cannot save");
        }
        assertThat(secondFinished).isTrue();
        assertThat(started).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void anInterruptedCallerCancelsTheRunWaitsForTheItemInFlightAndKeepsTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        RunControl control = new RunControl();
        AtomicBoolean interruptKept = new AtomicBoolean();
        try (AnalysisPool pool = new AnalysisPool(1)) {
            Thread caller = new Thread(() -> {
                pool.forEach(TEN, control, item -> {
                    started.countDown();
                    awaitUninterruptibly(release);
                    done.add(item);
                });
                interruptKept.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            awaitBlockedIn(new Thread[] {caller}, "acquireUninterruptibly");

            release.countDown();
            caller.join(10_000);
        }
        assertThat(done).containsExactly(0);
        assertThat(control.isCancelled()).isTrue();
        assertThat(interruptKept).isTrue();
    }

    /** Waits, without guessing a duration, until the thread is blocked in the named method. */
    private static void awaitBlockedIn(Thread[] thread, String method) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!blockedIn(thread[0], method)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run's thread never blocked in " + method);
            }
            Thread.onSpinWait();
        }
    }

    private static boolean blockedIn(Thread thread, String method) {
        if (thread == null || thread.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // Only the caller is interrupted in this test; a worker goes on waiting.
            }
        }
    }
}
