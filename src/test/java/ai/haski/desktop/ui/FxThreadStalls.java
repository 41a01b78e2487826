package ai.haski.desktop.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;

/**
 * Measures what keeps the JavaFX thread from drawing frames while it runs: the longest gap between two pulses,
 * the most CPU time the thread itself spent between two pulses (our handlers, CSS, layout), and the longest time a
 * sampler saw it waiting or blocked inside our own code (a lock, a wait on a worker, I/O).
 *
 * <p>Why not only the gap: on a 2-core machine shared with other builds, the OS can keep a runnable thread (or
 * the renderer the FX thread waits for) off the CPU for hundreds of milliseconds, which is not the app blocking
 * its UI thread. Work on the UI thread shows as CPU time; a wait in our code shows in the samples. Create, start
 * and stop on the FX thread.
 */
final class FxThreadStalls extends AnimationTimer {
    private static final long SAMPLE_MILLIS = 5;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Thread fxThread = Thread.currentThread();
    private final Thread sampler;
    private long lastWall;
    private long lastCpu;
    private long maxGapNanos;
    private long maxCpuNanos;
    private volatile long maxWaitInOurCodeNanos;
    private volatile boolean sampling = true;

    FxThreadStalls() {
        sampler = new Thread(this::sample, "fx-stall-sampler");
        sampler.setDaemon(true);
    }

    @Override
    public void start() {
        super.start();
        if (!sampler.isAlive()) {
            sampler.start();
        }
    }

    @Override
    public void stop() {
        super.stop();
        sampling = false;
    }

    @Override
    public void handle(long now) {
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        if (lastWall != 0) {
            maxGapNanos = Math.max(maxGapNanos, wall - lastWall);
            maxCpuNanos = Math.max(maxCpuNanos, cpu - lastCpu);
        }
        lastWall = wall;
        lastCpu = cpu;
    }

    private void sample() {
        long waitingSince = 0;
        while (sampling) {
            Thread.State state = fxThread.getState();
            boolean waiting = state != Thread.State.RUNNABLE && inOurCode(fxThread.getStackTrace());
            long now = System.nanoTime();
            if (waiting) {
                if (waitingSince == 0) {
                    waitingSince = now;
                }
                maxWaitInOurCodeNanos = Math.max(maxWaitInOurCodeNanos, now - waitingSince);
            } else {
                waitingSince = 0;
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean inOurCode(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName();
            if (name.startsWith("ai.haski.desktop.") && !name.startsWith("ai.haski.desktop.ui.FxThreadStalls")) {
                return true;
            }
        }
        return false;
    }

    /** The longest gap between pulses, in milliseconds: what a user would see, OS scheduling included. */
    double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    /** The most CPU time the FX thread spent between two pulses, in milliseconds. */
    double maxCpuMillis() {
        return maxCpuNanos / 1e6;
    }

    /** The longest the FX thread was seen waiting or blocked inside our code, in milliseconds. */
    double maxWaitInOurCodeMillis() {
        return maxWaitInOurCodeNanos / 1e6;
    }
}
