package ai.haski.desktop.ui.task;

import ai.haski.desktop.platform.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's executor: a small pool of daemon worker threads, with every callback delivered on the JavaFX
 * application thread, so the UI thread never decodes a photo or runs a model.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService workers;

    /** A pool of {@code threads} workers; more tasks than that wait their turn in order. */
    public FxTaskExecutor(int threads) {
        this(threads, "haski-worker-");
    }

    private FxTaskExecutor(int threads, String threadName) {
        // Daemon, so a stuck native call can never keep the process alive after the window closes.
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named(threadName));
        ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);
    }

    /**
     * One worker per core beyond the first, at most four: the first core stays free for the UI thread and the
     * renderer, so that a photo decoding and a model running at once cannot starve them (on a 2-core machine,
     * two busy workers made the window stall for 50-60 ms per frame).
     */
    public static FxTaskExecutor sizedForThisMachine() {
        return new FxTaskExecutor(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)));
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.starting();
        workers.execute(() -> {
            try {
                task.run(Platform::runLater);
            } catch (Throwable error) {
                LOG.error("Background task '{}' failed outside its own handling", task.name(), error);
            }
        });
        return task;
    }

    @Override
    public TaskExecutor newSerial(String name) {
        return new FxTaskExecutor(1, "haski-" + name + "-");
    }

    @Override
    public TaskExecutor newPool(String name, int threads) {
        return new FxTaskExecutor(threads, "haski-" + name + "-");
    }

    @Override
    public Executor uiThread() {
        return Platform::runLater;
    }

    /** A JavaFX pause: it fires on the UI thread and needs no timer thread of its own. */
    @Override
    public Scheduled after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(event -> action.run());
        pause.play();
        return pause::stop;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit; it is abandoned");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
