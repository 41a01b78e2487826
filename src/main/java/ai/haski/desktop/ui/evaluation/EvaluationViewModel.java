package ai.haski.desktop.ui.evaluation;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.evaluation.EvaluationReport;
import ai.haski.desktop.session.evaluation.GroundTruth;
import ai.haski.desktop.session.evaluation.HeadEvaluation;
import ai.haski.desktop.session.evaluation.ModelEvaluation;
import ai.haski.desktop.session.evaluation.SessionEvaluator;
import ai.haski.desktop.session.evaluation.VerdictRule;
import ai.haski.desktop.session.evaluation.VerdictTruth;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.result.DisplayNames;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.LatestWins;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Evaluation view's state: the open session's models measured against the reviewers' verdicts (the latest
 * verdict on each head), recomputed on the store lane whenever a verdict is saved or results arrive, latest request
 * winning; and the command that filters the session's table to the photos of one confusion-matrix cell. It computes
 * only while the view is open, so a session reviewed with the view closed costs nothing. Use on the UI thread.
 */
public final class EvaluationViewModel {
    /** Where a clicked cell's photos are shown: the session's table, filtered to them. */
    @FunctionalInterface
    public interface PhotoFilter {
        /**
         * Shows only these photos (paths relative to the session folder); {@code description} says which. False when
         * it may not (blinded reading).
         */
        boolean showOnly(String description, Set<String> files);
    }

    private final ObservableObjectValue<Session> session;
    private final PhotoFilter table;
    private final NoticeSink notices;
    private final LatestWins computation;

    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final BooleanProperty blindOnly = new SimpleBooleanProperty(this, "blindOnly");
    private final ObservableList<ModelKey> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelKey> model = new SimpleObjectProperty<>(this, "model");
    private final ReadOnlyObjectWrapper<EvaluationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<ModelEvaluation> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper truthText = new ReadOnlyStringWrapper(this, "truthText", "");
    /** Whether something changed since the last computation while the view was closed. */
    private boolean stale = true;

    /**
     * @param store the session's lane, where every read of its SQLite file runs in order
     * @param table the session's photo table, which a clicked cell filters
     */
    public EvaluationViewModel(ObservableObjectValue<Session> session, TaskExecutor store, PhotoFilter table,
            NoticeSink notices) {
        this.session = session;
        this.table = table;
        this.notices = notices;
        this.computation = new LatestWins(store);
        session.addListener((obs, old, now) -> {
            models.clear();
            report.set(null);
            shown.set(null);
            refresh();
        });
        open.addListener((obs, was, now) -> {
            if (now && stale) {
                refresh();
            }
        });
        model.addListener((obs, old, now) -> showChosen());
        blindOnly.addListener((obs, was, now) -> refresh());
    }

    /** Measures again: the verdicts or the results changed. Deferred until the view opens when it is closed. */
    public void refresh() {
        Session current = session.get();
        if (!open.get() || current == null) {
            stale = true;
            if (current == null) {
                computation.cancel();
                computing.set(false);
                truthText.set("Open a folder as a session, review some photos, and they are measured here.");
            }
            return;
        }
        stale = false;
        computing.set(true);
        boolean blind = blindOnly.get();
        BackgroundTask<EvaluationReport> task = BackgroundTask.of("evaluate the session",
                () -> evaluate(current, blind));
        task.onSuccess(this::show)
                .onFailure(error -> notices.post(Notice.error("The session could not be evaluated: "
                        + error.getMessage())))
                // A task replaced by a newer one finishes too; only the newest says the work is done.
                .onFinished(() -> computing.set(computation.isLatest(task) ? false : computing.get()));
        computation.submit(task);
    }

    private static EvaluationReport evaluate(Session session, boolean blind) throws Exception {
        List<ModelKey> keys = session.results().models();
        SessionEvaluator evaluator = new SessionEvaluator(session);
        GroundTruth truth = VerdictTruth.of(session, VerdictRule.latest(), blind);
        return evaluator.evaluate(keys, truth);
    }

    private void show(EvaluationReport computed) {
        report.set(computed);
        List<ModelKey> keys = computed.models().stream().map(ModelEvaluation::model).toList();
        if (!models.equals(keys)) {
            ModelKey chosen = model.get();
            models.setAll(keys);
            model.set(keys.contains(chosen) ? chosen : keys.isEmpty() ? null : keys.get(keys.size() - 1));
        }
        int photos = computed.truth().labels().size();
        boolean blind = "only".equals(computed.truth().details().get("blind"));
        truthText.set(photos == 0
                ? (blind ? "No blind verdicts yet: in blinded reading, each label given before the model's answer "
                        + "was shown is measured here."
                        : "No verdicts yet: accept or override a photo's heads and they are measured here.")
                : "Truth: the reviewers' " + (blind ? "blind " : "") + "verdicts (the latest on each head), on "
                        + photos + (photos == 1 ? " photo." : " photos.") + (blind
                        ? " Given before the model's answer was shown." : " The reviewers saw the model's answer."));
        showChosen();
    }

    private void showChosen() {
        EvaluationReport current = report.get();
        ModelKey chosen = model.get();
        shown.set(current == null || chosen == null ? null : current.models().stream()
                .filter(evaluation -> evaluation.model().equals(chosen)).findFirst().orElse(null));
    }

    /**
     * Filters the session's table to the photos of one cell of the shown model's confusion matrix: those whose truth
     * for {@code head} is {@code truth} and to which the model gave {@code predicted}.
     */
    public void showCell(String head, String truth, String predicted) {
        ModelEvaluation evaluation = shown.get();
        if (evaluation == null) {
            return;
        }
        HeadEvaluation measured = evaluation.heads().stream().filter(h -> h.head().equals(head)).findFirst()
                .orElse(null);
        if (measured == null) {
            return;
        }
        List<String> files = measured.photosIn(truth, predicted);
        if (!table.showOnly(DisplayNames.head(head) + ": truth " + DisplayNames.label(truth) + ", model "
                + DisplayNames.label(predicted), Set.copyOf(files))) {
            notices.post(Notice.warning("Blinded reading is on, so the table does not list photos by the model's "
                    + "answers; turn it off (Session > Blinded reading) to see this cell's photos."));
            return;
        }
        notices.post(Notice.info(files.size() + (files.size() == 1 ? " photo" : " photos") + " where "
                + DisplayNames.head(head) + " is truly " + DisplayNames.label(truth) + " and the model said "
                + DisplayNames.label(predicted) + (Objects.equals(truth, predicted) ? " (right)." : " (wrong).")));
    }

    /** Whether the view is shown; it computes only while it is. */
    public BooleanProperty openProperty() {
        return open;
    }

    /** Whether the truth is only the verdicts given blind (blinded reading, before the model's answer showed). */
    public BooleanProperty blindOnlyProperty() {
        return blindOnly;
    }

    /** The session's models with results, in the order first used. */
    public ObservableList<ModelKey> models() {
        return models;
    }

    /** The model the view shows; the newest one used unless the user chooses another. */
    public ObjectProperty<ModelKey> modelProperty() {
        return model;
    }

    /** The whole report, every model's. */
    public ReadOnlyObjectProperty<EvaluationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The chosen model's evaluation, head by head; null before the first computation. */
    public ReadOnlyObjectProperty<ModelEvaluation> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** What the truth is and how many photos have one. */
    public ReadOnlyStringProperty truthTextProperty() {
        return truthText.getReadOnlyProperty();
    }
}
