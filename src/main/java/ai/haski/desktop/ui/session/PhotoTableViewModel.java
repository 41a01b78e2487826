package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.StoredResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The session's photos as the table (or grid) shows them: every row, the filter (state, confidence, a head's label,
 * or where two models disagree) and the counts. A row changes by being replaced, one at a time, never by reloading
 * the table. Use on the UI thread.
 */
public final class PhotoTableViewModel {
    private final ObservableObjectValue<Map<Long, DisagreementText.Sides>> disagreements;
    private final ObservableList<ReviewRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ReviewRow> filteredRows = new FilteredList<>(rows);
    private final SortedList<ReviewRow> sortedRows = new SortedList<>(filteredRows);
    private final ObservableList<String> headNames = FXCollections.observableArrayList();
    private final ObjectProperty<RowFilter> filter = new SimpleObjectProperty<>(this, "filter", RowFilter.ALL);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.6);
    private final ObjectProperty<String> labelHead = new SimpleObjectProperty<>(this, "labelHead");
    private final ObjectProperty<String> labelValue = new SimpleObjectProperty<>(this, "labelValue");
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final BooleanProperty gridShown = new SimpleBooleanProperty(this, "gridShown");
    private final ReadOnlyBooleanWrapper blinded = new ReadOnlyBooleanWrapper(this, "blinded");
    private final ReadOnlyStringWrapper cellText = new ReadOnlyStringWrapper(this, "cellText", "");
    /** The photos the evaluation-cell filter keeps, set with the filter by {@link #showOnly}. */
    private Set<String> cellFiles = Set.of();
    private final List<Consumer<ReviewRow>> replacedListeners = new ArrayList<>();
    /** Row positions, counts, heads and labels seen: replaced when a session opens, updated row by row. */
    private RowSummary summary = RowSummary.of(List.of());

    /** @param disagreements where the two chosen models disagree, which the "models disagree" filter keeps */
    public PhotoTableViewModel(ObservableObjectValue<Map<Long, DisagreementText.Sides>> disagreements) {
        this.disagreements = disagreements;
        filter.addListener((obs, old, now) -> {
            if (now == null) {
                // A filter choice whose list was just replaced (blinded reading on or off) clears its value for a
                // moment; the table keeps the filter it had.
                filter.set(old == null ? RowFilter.ALL : old);
            } else {
                refilter();
            }
        });
        threshold.addListener((obs, old, now) -> refilter());
        labelHead.addListener((obs, old, now) -> {
            updateLabelChoices();
            refilter();
        });
        labelValue.addListener((obs, old, now) -> refilter());
        // Refiltering 10,000 rows re-lays out the table: only when the filter shows disagreements.
        disagreements.addListener((obs, old, now) -> {
            if (filter.get() == RowFilter.MODELS_DISAGREE) {
                refilter();
            }
        });
    }

    /** Shows a session's rows in place of the last session's. */
    void show(List<ReviewRow> opened, RowSummary openedSummary) {
        summary = openedSummary;
        if (!headNames.equals(summary.heads)) {
            headNames.setAll(summary.heads);
        }
        rows.setAll(opened);
        updateLabelChoices();
        updateCount();
    }

    /** Tells {@code listener} about every row replaced, after the table holds it. */
    void addReplacedListener(Consumer<ReviewRow> listener) {
        replacedListeners.add(listener);
    }

    /** One result arrived: only its row changes, the table is not reloaded. */
    public void replaceResult(StoredResult result) {
        Integer index = summary.index.get(result.photoId());
        if (index == null) {
            return;
        }
        ReviewRow updated = rows.get(index).withResult(result);
        replaceRow(index, updated);
        noteHeads(updated);
    }

    /** A verdict, flag or note changed where the photo stands in review. */
    void replaceState(long photoId, ReviewState state) {
        Integer index = summary.index.get(photoId);
        if (index != null && rows.get(index).reviewState() != state) {
            replaceRow(index, rows.get(index).withState(state));
        }
    }

    private void replaceRow(int index, ReviewRow updated) {
        summary.counts.remove(rows.get(index));
        summary.counts.add(updated);
        rows.set(index, updated);
        replacedListeners.forEach(listener -> listener.accept(updated));
        updateCount();
    }

    private void noteHeads(ReviewRow row) {
        boolean newLabel = summary.note(row);
        for (String head : summary.heads) {
            if (!headNames.contains(head)) {
                headNames.add(head);
            }
        }
        if (newLabel) {
            updateLabelChoices();
        }
    }

    /**
     * Shows only these photos (relative paths), for one cell of the Evaluation view's confusion matrix;
     * {@code description} says which cell, beside the filter. Refused (false) in blinded reading, where the table
     * must not sort photos by the model's answers.
     */
    public boolean showOnly(String description, Set<String> files) {
        if (blinded.get()) {
            return false;
        }
        cellFiles = Set.copyOf(files);
        cellText.set(description);
        if (filter.get() == RowFilter.EVALUATION_CELL) {
            refilter();
        } else {
            filter.set(RowFilter.EVALUATION_CELL);
        }
        return true;
    }

    /** Applies the filter again, e.g. after a batch changed many rows. */
    public void refilter() {
        filteredRows.setPredicate(filter.get().predicate(new FilterSettings(threshold.get(), labelHead.get(),
                labelValue.get(), disagreements.get(), cellFiles)));
        updateCount();
    }

    private void updateCount() {
        countText.set(sortedRows.size() == rows.size() ? rows.size() + " photos"
                : sortedRows.size() + " of " + rows.size() + " photos");
        statusText.set(summary.counts.text());
    }

    private void updateLabelChoices() {
        String head = labelHead.get();
        List<String> labels = head == null ? List.of() : List.copyOf(summary.labels.getOrDefault(head, Set.of()));
        if (!labels.equals(labelChoices)) {
            labelChoices.setAll(labels);
        }
        if (labelHead.get() == null && !headNames.isEmpty()) {
            labelHead.set(headNames.get(0));
        }
    }

    /** The position of the photo's row among those shown, or -1. */
    int shownIndexOf(ReviewRow row) {
        if (row == null) {
            return -1;
        }
        for (int i = 0; i < sortedRows.size(); i++) {
            if (sortedRows.get(i).photoId() == row.photoId()) {
                return i;
            }
        }
        return -1;
    }

    /** Every photo of the session, in the folder's order. */
    public ObservableList<ReviewRow> rows() {
        return rows;
    }

    /** The rows the filter keeps, in the order the table's comparator asks for (bind it). */
    public SortedList<ReviewRow> sortedRows() {
        return sortedRows;
    }

    /** The ids of the heads seen in the results so far, in the order first seen: one pair of table columns each. */
    public ObservableList<String> headNames() {
        return headNames;
    }

    public ObjectProperty<RowFilter> filterProperty() {
        return filter;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The head the label filter looks at. */
    public ObjectProperty<String> labelHeadProperty() {
        return labelHead;
    }

    /** The label the label filter keeps. */
    public ObjectProperty<String> labelValueProperty() {
        return labelValue;
    }

    /** The top labels seen for the label filter's head, A to Z. */
    public ObservableList<String> labelChoices() {
        return labelChoices;
    }

    /** "12 photos", or "3 of 12 photos" when filtered. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Photos total, analysed, reviewed, flagged, errors and missing, for the status bar. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Blinded reading: the session hides the model's answers until the reviewer has given theirs. */
    void setBlinded(boolean on) {
        blinded.set(on);
        if (on && filter.get().showsAnswers()) {
            filter.set(RowFilter.ALL);
        }
    }

    /** Whether the open session is in blinded reading, so the table and grid leave out the model's labels. */
    public ReadOnlyBooleanProperty blindedProperty() {
        return blinded.getReadOnlyProperty();
    }

    /** Which confusion cell the evaluation-cell filter shows ("Skin type: truth oily, model dry"). */
    public ReadOnlyStringProperty cellTextProperty() {
        return cellText.getReadOnlyProperty();
    }

    /** Whether the photos are shown as a grid of thumbnails instead of the table. */
    public BooleanProperty gridShownProperty() {
        return gridShown;
    }
}
