package ai.haski.desktop.ui.session;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.session.BatchListener;
import ai.haski.desktop.session.BatchProgress;
import ai.haski.desktop.session.BatchState;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.StoredResult;
import ai.haski.desktop.ui.models.ActiveModelService;
import ai.haski.desktop.ui.models.ActiveModelState;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The batch run over the open session with the active model: start, pause, resume, cancel, and the progress line.
 * A model switch stops it (the model it runs on is about to be closed). Use on the UI thread; the run itself blocks a
 * worker of the batch lane while the job analyses on its own threads.
 */
public final class BatchViewModel {
    private final ActiveModelService models;
    private final ObservableObjectValue<Session> session;
    private final BatchJob.Factory jobs;
    private final TaskExecutor batchLane;
    private final Executor uiThread;
    private final NoticeSink notices;
    private final Consumer<StoredResult> resultArrived;
    private final Runnable ended;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<BatchProgress> lastProgress = new ReadOnlyObjectWrapper<>(this,
            "lastProgress");
    private final ReadOnlyStringWrapper activeModelText = new ReadOnlyStringWrapper(this, "activeModelText",
            "Model: none");
    private BatchJob job;
    private ModelKey activeModel;

    /**
     * @param resultArrived hears each stored result, on the UI thread
     * @param ended runs on the UI thread when a run is over, however it ended
     */
    public BatchViewModel(ActiveModelService models, ObservableObjectValue<Session> session, BatchJob.Factory jobs,
            TaskExecutor batchLane, Executor uiThread, NoticeSink notices, Consumer<StoredResult> resultArrived,
            Runnable ended) {
        this.models = models;
        this.session = session;
        this.jobs = jobs;
        this.batchLane = batchLane;
        this.uiThread = uiThread;
        this.notices = notices;
        this.resultArrived = resultArrived;
        this.ended = ended;
        models.stateProperty().addListener((obs, old, now) -> modelChanged(old, now));
        showModel(models.state().analyzer());
    }

    private void modelChanged(ActiveModelState old, ActiveModelState now) {
        // A model switch closes the model the batch is running on: stop the batch first, it can be started again.
        if (now.loading() && (old == null || !old.loading()) && job != null) {
            job.cancel();
            notices.post(Notice.info("The batch was stopped because the model is being switched. Start it again to "
                    + "analyse the rest with the new model."));
        }
        if (old == null || !old.analyzer().equals(now.analyzer())) {
            showModel(now.analyzer());
        }
    }

    private void showModel(Optional<Analyzer> analyzer) {
        activeModel = analyzer.map(a -> ModelKey.of(a.provenance())).orElse(null);
        activeModelText.set(analyzer.map(a -> "Model: " + a.provenance().modelName() + " "
                + a.provenance().modelVersion() + " (" + a.provenance().format() + ")").orElse("Model: none"));
    }

    /** The model whose results the table prefers: the active one, or the one the last batch ran with. */
    public Optional<ModelKey> activeModel() {
        return Optional.ofNullable(activeModel);
    }

    /** A session was opened: no batch progress yet, only what is there. */
    void showOpened(List<ReviewRow> rows) {
        progress.set(0);
        long analysed = rows.stream().filter(ReviewRow::analysed).count();
        progressText.set(rows.size() + " photos, " + analysed + " analysed");
    }

    /** Analyses every photo the active model has not analysed yet; results fill the table as they come. */
    public void start() {
        Session current = session.get();
        if (current == null) {
            notices.post(Notice.warning("Open a folder first: File > Open folder… (Ctrl+Shift+O)."));
            return;
        }
        if (running.get()) {
            return;
        }
        running.set(true);
        progressText.set("Waiting for the model…");
        models.whenReady(ready -> {
            if (ready.isEmpty()) {
                running.set(false);
                progressText.set("No model: nothing analysed");
                notices.post(Notice.warning("The photos cannot be analysed: no model is active ("
                        + models.state().noModelReason().orElse("none loaded") + ")."));
                return;
            }
            run(current, ready.get());
        });
    }

    private void run(Session current, Analyzer analyzer) {
        BatchJob started = jobs.create(current, analyzer);
        job = started;
        activeModel = started.model();
        started.addListener(new BatchListener() {
            @Override
            public void photoFinished(Photo photo, Optional<StoredResult> result, BatchProgress now) {
                uiThread.execute(() -> {
                    result.ifPresent(resultArrived);
                    show(now);
                });
            }

            @Override
            public void stateChanged(BatchProgress now) {
                uiThread.execute(() -> show(now));
            }
        });
        batchLane.execute(BackgroundTask.of("batch", started::run)
                .onSuccess(last -> {
                    show(last);
                    notices.post(Notice.info(summary(last)));
                })
                .onFailure(error -> notices.post(Notice.error("The batch stopped: " + error.getMessage())))
                .onFinished(() -> {
                    if (job == started) {
                        job = null;
                    }
                    running.set(false);
                    paused.set(false);
                    ended.run();
                }));
    }

    public void pause() {
        if (job != null) {
            job.pause();
        }
    }

    public void resume() {
        if (job != null) {
            job.resume();
        }
    }

    /** Pause if running, resume if paused. */
    public void togglePause() {
        if (paused.get()) {
            resume();
        } else {
            pause();
        }
    }

    /** Starts no more photos; those in flight are saved. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** True while a job runs (it may still be using the session). */
    boolean hasJob() {
        return job != null;
    }

    private void show(BatchProgress now) {
        lastProgress.set(now);
        paused.set(now.state() == BatchState.PAUSED);
        progress.set(now.total() == 0 ? 1 : (double) now.done() / now.total());
        progressText.set(progressLine(now));
    }

    static String progressLine(BatchProgress p) {
        StringBuilder line = new StringBuilder();
        line.append(p.done()).append(" of ").append(p.total()).append(" analysed");
        if (p.failed() > 0) {
            line.append(", ").append(p.failed()).append(" failed");
        }
        if (p.ratePerSecond() > 0) {
            line.append(String.format(Locale.ROOT, " · %.1f photos/s", p.ratePerSecond()));
        }
        if (p.state() == BatchState.RUNNING) {
            p.remaining().ifPresent(left -> line.append(" · about ").append(duration(left)).append(" left"));
        }
        switch (p.state()) {
            case PAUSED -> line.append(" · paused");
            case CANCELLING -> line.append(" · cancelling…");
            case CANCELLED -> line.append(" · cancelled");
            case FINISHED -> line.append(" · finished");
            case FAILED -> line.append(" · stopped by an error");
            default -> { }
        }
        if (p.alreadyAnalysed() > 0) {
            line.append(" (").append(p.alreadyAnalysed()).append(" analysed before)");
        }
        return line.toString();
    }

    static String duration(Duration left) {
        long seconds = Math.max(0, left.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    private static String summary(BatchProgress last) {
        return "Batch " + last.state().name().toLowerCase(Locale.ROOT) + ": " + last.succeeded() + " analysed, "
                + last.failed() + " failed, " + last.missing() + " missing, " + last.alreadyAnalysed()
                + " analysed before.";
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BatchProgress> lastProgressProperty() {
        return lastProgress.getReadOnlyProperty();
    }

    /** The active model, for the status bar. */
    public ReadOnlyStringProperty activeModelTextProperty() {
        return activeModelText.getReadOnlyProperty();
    }
}
