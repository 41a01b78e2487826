package ai.haski.desktop.ui.result;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ExplainOutcome;
import ai.haski.desktop.analysis.ExplainRequest;
import ai.haski.desktop.analysis.Explanation;
import ai.haski.desktop.analysis.OcclusionMap;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.ui.models.ActiveModelService;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.LatestWins;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Explain" toggles of a result: which head of the shown result is explained (one at a time), its occlusion
 * map computed in the background, how far that is, and how opaque the overlay is drawn. The main window's result
 * pane and the session's review pane each have one.
 *
 * <p>The map belongs to the result it explains: a new photo, a re-analysis or a model switch (any change of the
 * active model's state) cancels the computation and clears the map, and a result is only explained by the model
 * that made it (the same SHA-256), so an overlay never shows one model's map over another model's result. Use on
 * the UI thread.
 */
public final class ExplainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ExplainViewModel.class);
    /** Said with every map: clinicians must not read a heat map as a lesion's outline. */
    public static final String NOTE = "Occlusion estimate of this model's behaviour, not a finding.";
    static final int NONE = -1;

    private final ActiveModelService activeModel;
    private final ObservableValue<ExplainSubject> subject;
    private final LatestWins slot;
    private final ReadOnlyIntegerWrapper explainedHead = new ReadOnlyIntegerWrapper(this, "explainedHead", NONE);
    private final ReadOnlyObjectWrapper<OcclusionMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper scaleText = new ReadOnlyStringWrapper(this, "scaleText", "");
    private final ReadOnlyBooleanWrapper canExplain = new ReadOnlyBooleanWrapper(this, "canExplain");
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper(this, "unavailableReason", "");
    /** Half: the photo stays readable under the colours. */
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.5);

    /**
     * @param subject the result shown, or null when none can be explained (no result, or a failed one)
     * @param interactive the lane the user waits on: an explanation is asked for and watched
     */
    public ExplainViewModel(ActiveModelService activeModel, ObservableValue<ExplainSubject> subject,
            TaskExecutor interactive) {
        this.activeModel = activeModel;
        this.subject = subject;
        this.slot = new LatestWins(interactive);
        unavailableReason.bind(Bindings.createStringBinding(this::whyNot, subject, activeModel.stateProperty()));
        canExplain.bind(Bindings.createBooleanBinding(() -> subject.getValue() != null && whyNot().isEmpty(),
                subject, activeModel.stateProperty()));
        subject.addListener((obs, old, now) -> stop());
        activeModel.stateProperty().addListener((obs, old, now) -> stop());
    }

    /** The toggles of the main window's result pane: the result shown there, while it is a successful one. */
    public static ExplainViewModel forResult(ActiveModelService activeModel, ResultViewModel result,
            TaskExecutor interactive) {
        ObservableValue<ExplainSubject> subject = Bindings.createObjectBinding(
                () -> result.outcomeProperty().get() instanceof Analysis analysis ? ExplainSubject.of(analysis)
                        : null, result.outcomeProperty());
        ExplainViewModel explain = new ExplainViewModel(activeModel, subject, interactive);
        // A re-analysis of the same photo by the same model is an equal subject, but still a new result to explain.
        result.outcomeProperty().addListener((obs, old, now) -> explain.stop());
        return explain;
    }

    /** Why the shown result cannot be explained now; empty when it can, or when there is nothing to explain. */
    private String whyNot() {
        ExplainSubject shown = subject.getValue();
        if (shown == null) {
            return "";
        }
        Optional<Analyzer> analyzer = activeModel.state().usable();
        if (analyzer.isEmpty()) {
            return "Explaining needs a model ready; see Models.";
        }
        Provenance active = analyzer.get().provenance();
        if (!active.modelSha256().equals(shown.modelSha256())) {
            return "This result was made by another model than the active one (" + active.modelId() + " "
                    + active.format() + "); switch to the model that made it to explain it.";
        }
        return "";
    }

    /** Explains head {@code index} of the shown result, or stops explaining it when it is the one explained. */
    public void toggle(int index) {
        if (explainedHead.get() == index) {
            stop();
        } else {
            explain(index);
        }
    }

    /** Explains the head of this name, or stops explaining it; nothing when the shown result has no such head. */
    public void toggle(String head) {
        ExplainSubject shown = subject.getValue();
        if (shown != null && shown.heads().contains(head)) {
            toggle(shown.heads().indexOf(head));
        }
    }

    /** Whether the head of this name is the one explained. */
    public boolean isExplained(String head) {
        ExplainSubject shown = subject.getValue();
        int index = explainedHead.get();
        return shown != null && index >= 0 && index < shown.heads().size() && shown.heads().get(index).equals(head);
    }

    /** Cancels the computation, if any, and clears the map. */
    public void stop() {
        slot.cancel();
        progress.unbind();
        progress.set(0);
        running.set(false);
        explainedHead.set(NONE);
        map.set(null);
        title.set("");
        message.set("");
        scaleText.set("");
    }

    private void explain(int index) {
        ExplainSubject shown = subject.getValue();
        if (shown == null || !canExplain.get() || index < 0 || index >= shown.heads().size()) {
            return;
        }
        Analyzer analyzer = activeModel.state().usable().orElseThrow();
        stop();
        String head = shown.heads().get(index);
        Path file = shown.file();
        ExplainRequest request = ExplainRequest.defaults().withHead(Optional.of(head)).withRegion(shown.region());
        BackgroundTask<ExplainOutcome> task = BackgroundTask.of("explain " + file.getFileName() + " " + head,
                reporter -> analyzer.explain(file, request,
                        (done, total) -> reporter.update(total == 0 ? 0 : done / (double) total),
                        reporter::isCancelled));
        long asked = System.nanoTime();
        task.onSuccess(outcome -> show(outcome, asked))
                .onFailure(error -> message.set("The map could not be made (" + error + ")."))
                .onFinished(() -> {
                    if (slot.isLatest(task)) {
                        progress.unbind();
                        running.set(false);
                    }
                });
        explainedHead.set(index);
        title.set(DisplayNames.head(head) + ": where the model looked");
        message.set("Covering each part of the photo in turn…");
        running.set(true);
        progress.bind(task.progressProperty());
        slot.submit(task);
    }

    private void show(ExplainOutcome outcome, long askedNanos) {
        if (outcome instanceof AnalysisFailure failure) {
            message.set(failure.message());
            return;
        }
        Explanation explanation = (Explanation) outcome;
        OcclusionMap shown = explanation.map();
        // The figure docs/EXPLAIN.md quotes: from the toggle to the map handed to the overlay, on the UI thread.
        LOG.info("Map shown: file={} head={} label={} model={} {} {} ms after the toggle ({} runs, {} ms computing)",
                outcome.file().getFileName(), shown.head(), shown.label(), explanation.provenance().modelId(),
                explanation.provenance().format(), Math.round((System.nanoTime() - askedNanos) / 1e6),
                explanation.timings().runs(), Math.round(explanation.timings().totalMs()));
        title.set(DisplayNames.head(shown.head()) + ": " + DisplayNames.label(shown.label()) + " "
                + ResultViewModel.percent(shown.probability()));
        scaleText.set(String.format(Locale.ROOT, "± %.3f", HeatScale.maxAbs(shown)));
        message.set("");
        map.set(shown);
    }

    /** The index of the head explained in the shown result; -1 when none. */
    public ReadOnlyIntegerProperty explainedHeadProperty() {
        return explainedHead.getReadOnlyProperty();
    }

    /** The finished map of the explained head; null while none, or while it is computed. */
    public ReadOnlyObjectProperty<OcclusionMap> mapProperty() {
        return map.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1 of the occluded runs done; -1 before the computation says how far it is. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The head explained and, once the map is there, its label and probability. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What is happening, or why there is no map; empty when a map is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The largest drop, in probability, that the colour scale's ends stand for, e.g. "± 0.042". */
    public ReadOnlyStringProperty scaleTextProperty() {
        return scaleText.getReadOnlyProperty();
    }

    /** Why the result shown cannot be explained now (another model made it, none is ready); empty otherwise. */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    /** True when a result is shown and the model that made it is ready to explain it with. */
    public ReadOnlyBooleanProperty canExplainProperty() {
        return canExplain.getReadOnlyProperty();
    }

    /** The overlay's opacity, 0 to 1. */
    public DoubleProperty opacityProperty() {
        return opacity;
    }
}
