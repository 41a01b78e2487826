package ai.haski.desktop.ui.result;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ExplainOutcome;
import ai.haski.desktop.analysis.ExplainRequest;
import ai.haski.desktop.analysis.Explanation;
import ai.haski.desktop.analysis.OcclusionMap;
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

/**
 * The "Explain" toggles of the result pane: which head of the shown result is explained (one at a time), its
 * occlusion map computed in the background, how far that is, and how opaque the overlay is drawn.
 *
 * <p>The map belongs to the result it explains: a new photo, a re-analysis or a model switch (any change of the
 * active model's state) cancels the computation and clears the map, so an overlay never shows one model's map over
 * another model's result. Use on the UI thread.
 */
public final class ExplainViewModel {
    /** Said with every map: clinicians must not read a heat map as a lesion's outline. */
    public static final String NOTE = "Occlusion estimate of this model's behaviour, not a finding.";
    static final int NONE = -1;

    private final ActiveModelService activeModel;
    private final ResultViewModel result;
    private final LatestWins slot;
    private final ReadOnlyIntegerWrapper explainedHead = new ReadOnlyIntegerWrapper(this, "explainedHead", NONE);
    private final ReadOnlyObjectWrapper<OcclusionMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper scaleText = new ReadOnlyStringWrapper(this, "scaleText", "");
    private final ReadOnlyBooleanWrapper canExplain = new ReadOnlyBooleanWrapper(this, "canExplain");
    /** Half: the photo stays readable under the colours. */
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.5);

    /** @param interactive the lane the user waits on: an explanation is asked for and watched */
    public ExplainViewModel(ActiveModelService activeModel, ResultViewModel result, TaskExecutor interactive) {
        this.activeModel = activeModel;
        this.result = result;
        this.slot = new LatestWins(interactive);
        canExplain.bind(Bindings.createBooleanBinding(() -> result.outcomeProperty().get() instanceof Analysis
                && activeModel.state().usable().isPresent(), result.outcomeProperty(), activeModel.stateProperty()));
        result.outcomeProperty().addListener((obs, old, now) -> stop());
        activeModel.stateProperty().addListener((obs, old, now) -> stop());
    }

    /** Explains head {@code index} of the shown result, or stops explaining it when it is the one explained. */
    public void toggle(int index) {
        if (explainedHead.get() == index) {
            stop();
        } else {
            explain(index);
        }
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
        if (!(result.outcomeProperty().get() instanceof Analysis analysis) || index < 0
                || index >= analysis.heads().size()) {
            return;
        }
        Optional<Analyzer> analyzer = activeModel.state().usable();
        if (analyzer.isEmpty()) {
            return;
        }
        stop();
        String head = analysis.heads().get(index).head();
        Path file = analysis.file();
        ExplainRequest request = ExplainRequest.defaults().withHead(Optional.of(head));
        BackgroundTask<ExplainOutcome> task = BackgroundTask.of("explain " + file.getFileName() + " " + head,
                reporter -> analyzer.get().explain(file, request,
                        (done, total) -> reporter.update(total == 0 ? 0 : done / (double) total),
                        reporter::isCancelled));
        task.onSuccess(this::show)
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

    private void show(ExplainOutcome outcome) {
        if (outcome instanceof AnalysisFailure failure) {
            message.set(failure.message());
            return;
        }
        OcclusionMap shown = ((Explanation) outcome).map();
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

    /** True when a result is shown and a model is ready to explain it with. */
    public ReadOnlyBooleanProperty canExplainProperty() {
        return canExplain.getReadOnlyProperty();
    }

    /** The overlay's opacity, 0 to 1. */
    public DoubleProperty opacityProperty() {
        return opacity;
    }
}
