package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.LatestWins;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Two models' results side by side: which models have results in the session, the two chosen, and the photos where
 * they disagree, read from the store only while someone looks at them. Use on the UI thread.
 */
public final class ModelComparisonViewModel {
    private final ObservableObjectValue<Session> session;
    private final TaskExecutor store;
    private final NoticeSink notices;
    private final LatestWins comparing;
    private final ObservableList<ModelKey> sessionModels = FXCollections.observableArrayList();
    private final ObjectProperty<ModelKey> modelA = new SimpleObjectProperty<>(this, "modelA");
    private final ObjectProperty<ModelKey> modelB = new SimpleObjectProperty<>(this, "modelB");
    private final BooleanProperty wanted = new SimpleBooleanProperty(this, "wanted");
    private final ReadOnlyObjectWrapper<Map<Long, DisagreementText.Sides>> disagreements = new ReadOnlyObjectWrapper<>(
            this, "disagreements", Map.of());

    public ModelComparisonViewModel(ObservableObjectValue<Session> session, TaskExecutor store, NoticeSink notices) {
        this.session = session;
        this.store = store;
        this.notices = notices;
        this.comparing = new LatestWins(store);
        wanted.addListener((obs, was, now) -> loadDisagreements());
        modelA.addListener((obs, old, now) -> loadDisagreements());
        modelB.addListener((obs, old, now) -> loadDisagreements());
    }

    /** The models with results in the session; keeps the chosen pair where it can. */
    void showModels(List<ModelKey> found) {
        sessionModels.setAll(found);
        if (modelA.get() == null || !found.contains(modelA.get())) {
            modelA.set(found.isEmpty() ? null : found.get(0));
        }
        if (modelB.get() == null || !found.contains(modelB.get()) || modelB.get().equals(modelA.get())) {
            modelB.set(found.stream().filter(model -> !model.equals(modelA.get())).findFirst().orElse(null));
        }
    }

    /** Reads the session's models again, after a batch may have added one. */
    void reloadModels() {
        Session current = session.get();
        if (current == null) {
            return;
        }
        store.execute(BackgroundTask.of("list the session's models", () -> current.results().models())
                .onSuccess(found -> {
                    if (session.get() == current) {
                        showModels(found);
                        if (wanted.get()) {
                            loadDisagreements();
                        }
                    }
                }));
    }

    private void loadDisagreements() {
        if (!wanted.get()) {
            comparing.cancel();
            if (!disagreements.get().isEmpty()) {
                disagreements.set(Map.of());
            }
            return;
        }
        Session current = session.get();
        ModelKey a = modelA.get();
        ModelKey b = modelB.get();
        if (current == null || a == null || b == null || a.equals(b)) {
            comparing.cancel();
            disagreements.set(Map.of());
            if (current != null) {
                notices.post(Notice.info("Models disagree compares the results of two models: run the batch with "
                        + "another model (Model picker), then choose two different models here."));
            }
            return;
        }
        comparing.submit(BackgroundTask.of("compare two models", () -> DisagreementText.byPhoto(
                current.results().disagreements(a, b)))
                .onSuccess(disagreements::set)
                .onFailure(error -> notices.post(Notice.error("The two models could not be compared: "
                        + error.getMessage()))));
    }

    /** How the two chosen models disagree on this photo ("skin_type: oily 62% ≠ dry 48%"), or empty text. */
    public String disagreementText(ReviewRow row) {
        DisagreementText.Sides sides = disagreements.get().get(row.photoId());
        return sides == null ? "" : sides.both();
    }

    /** The heads on which the two chosen models disagree for this photo, or empty text. */
    public String disagreeingHeads(ReviewRow row) {
        DisagreementText.Sides sides = disagreements.get().get(row.photoId());
        return sides == null ? "" : sides.heads();
    }

    /** The first model's labels on the heads where the two chosen models disagree on this photo, or empty text. */
    public String firstModelLabels(ReviewRow row) {
        DisagreementText.Sides sides = disagreements.get().get(row.photoId());
        return sides == null ? "" : sides.first();
    }

    /** The second model's labels on those heads, or empty text. */
    public String secondModelLabels(ReviewRow row) {
        DisagreementText.Sides sides = disagreements.get().get(row.photoId());
        return sides == null ? "" : sides.second();
    }

    /** The models with results in this session, first used first. */
    public ObservableList<ModelKey> sessionModels() {
        return sessionModels;
    }

    /** The first model of "models disagree". */
    public ObjectProperty<ModelKey> modelAProperty() {
        return modelA;
    }

    /** The second model of "models disagree". */
    public ObjectProperty<ModelKey> modelBProperty() {
        return modelB;
    }

    /** Whether the disagreements are shown (the "models disagree" filter is chosen): only then are they read. */
    public BooleanProperty wantedProperty() {
        return wanted;
    }

    /** Photos where the two chosen models disagree, with how; empty unless they are wanted. */
    public ReadOnlyObjectProperty<Map<Long, DisagreementText.Sides>> disagreementsProperty() {
        return disagreements.getReadOnlyProperty();
    }
}
