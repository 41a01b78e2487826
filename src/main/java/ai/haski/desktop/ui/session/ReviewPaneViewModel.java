package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.photo.DisplayDecoder;
import ai.haski.desktop.ui.photo.DisplayPicture;
import ai.haski.desktop.ui.result.DisplayNames;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.LatestWins;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review of one photo: which photo is selected and moving through the table, its picture, its heads with their
 * verdicts, and the verdicts, flag and note, each saved at once on the store lane (in the order given). Use on the
 * UI thread.
 */
public final class ReviewPaneViewModel {
    private final ObservableObjectValue<Session> session;
    private final PhotoTableViewModel table;
    private final ReviewerViewModel reviewer;
    private final TaskExecutor store;
    private final DisplayDecoder displayDecoder;
    private final NoticeSink notices;
    private final LatestWins detailsLoad;
    private final LatestWins pictureLoad;

    private final ReadOnlyObjectWrapper<ReviewRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<HeadReview> heads = FXCollections.observableArrayList();
    private final IntegerProperty focusedHead = new SimpleIntegerProperty(this, "focusedHead", 0);
    private final ReadOnlyStringWrapper noteText = new ReadOnlyStringWrapper(this, "noteText", "");
    private final ReadOnlyStringWrapper reviewText = new ReadOnlyStringWrapper(this, "reviewText", "");
    private final ReadOnlyObjectWrapper<DisplayPicture> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyStringWrapper pictureMessage = new ReadOnlyStringWrapper(this, "pictureMessage", "");
    private final List<Runnable> verdictListeners = new ArrayList<>();

    /**
     * @param store reads and writes the session, one task at a time, in order
     * @param decoding decodes the selected photo for display
     */
    public ReviewPaneViewModel(ObservableObjectValue<Session> session, PhotoTableViewModel table,
            ReviewerViewModel reviewer, TaskExecutor store, TaskExecutor decoding, DisplayDecoder displayDecoder,
            NoticeSink notices) {
        this.session = session;
        this.table = table;
        this.reviewer = reviewer;
        this.store = store;
        this.displayDecoder = displayDecoder;
        this.notices = notices;
        this.detailsLoad = new LatestWins(store);
        this.pictureLoad = new LatestWins(decoding);
        table.addReplacedListener(this::rowReplaced);
    }

    // ---- selection and navigation --------------------------------------------------------------------------

    /** Shows this row in the review pane; the table calls it when its selection changes. */
    public void select(ReviewRow row) {
        if (row == null || idOf(selected.get()) == row.photoId()) {
            return;
        }
        show(row);
    }

    /** A session was opened: its first photo is shown, even when it has the id of the photo shown before. */
    void showFirst() {
        if (!table.sortedRows().isEmpty()) {
            show(table.sortedRows().get(0));
        }
    }

    private void show(ReviewRow row) {
        selected.set(row);
        heads.clear();
        noteText.set("");
        reviewText.set("Loading…");
        loadDetails(row);
        loadPicture(row);
    }

    private void rowReplaced(ReviewRow updated) {
        ReviewRow shown = selected.get();
        if (shown != null && shown.photoId() == updated.photoId()) {
            boolean resultChanged = !shown.result().equals(updated.result());
            selected.set(updated);
            if (resultChanged) {
                loadDetails(updated);
            }
        }
    }

    private void selectIndex(int index) {
        List<ReviewRow> shown = table.sortedRows();
        if (index >= 0 && index < shown.size()) {
            select(shown.get(index));
        }
    }

    public void next() {
        selectIndex(Math.min(table.sortedRows().size() - 1, table.shownIndexOf(selected.get()) + 1));
    }

    public void previous() {
        selectIndex(Math.max(0, table.shownIndexOf(selected.get()) - 1));
    }

    /** Jumps to the next unreviewed photo in the table's order, wrapping round to the top. */
    public void nextUnreviewed() {
        List<ReviewRow> shown = table.sortedRows();
        int start = table.shownIndexOf(selected.get());
        int size = shown.size();
        for (int step = 1; step <= size; step++) {
            ReviewRow row = shown.get((start + step + size) % size);
            if (row.reviewState() == ReviewState.UNREVIEWED && row.photoId() != idOf(selected.get())) {
                select(row);
                return;
            }
        }
        notices.post(Notice.info("Every photo shown is reviewed."));
    }

    static long idOf(ReviewRow row) {
        return row == null ? -1 : row.photoId();
    }

    public void focusNextHead() {
        if (!heads.isEmpty()) {
            focusedHead.set((focusedHead.get() + 1) % heads.size());
        }
    }

    public void focusPreviousHead() {
        if (!heads.isEmpty()) {
            focusedHead.set((focusedHead.get() - 1 + heads.size()) % heads.size());
        }
    }

    // ---- picture and details -------------------------------------------------------------------------------

    private void loadPicture(ReviewRow row) {
        picture.set(null);
        pictureMessage.set("Loading " + row.file() + "…");
        Path file = row.photo().resolveIn(session.get().root());
        pictureLoad.submit(BackgroundTask.of("decode for review " + row.file(), () -> displayDecoder.decode(file))
                .onSuccess(shown -> {
                    picture.set(shown);
                    pictureMessage.set("");
                })
                .onFailure(error -> pictureMessage.set(row.file() + " cannot be shown: " + error.getMessage())));
    }

    private void loadDetails(ReviewRow row) {
        Session current = session.get();
        boolean blinded = table.blindedProperty().get();
        String name = reviewer.reviewerProperty().get();
        detailsLoad.submit(BackgroundTask.of("read review " + row.file(),
                () -> ReviewDetails.read(current, row, blinded, name))
                .onSuccess(this::showDetails)
                .onFailure(error -> notices.post(Notice.error("The review of " + row.file()
                        + " could not be read: " + error.getMessage()))));
    }

    private void showDetails(ReviewDetails details) {
        heads.setAll(details.heads());
        if (focusedHead.get() >= heads.size()) {
            focusedHead.set(0);
        }
        noteText.set(details.note());
        reviewText.set(details.text());
        ReviewRow shown = selected.get();
        if (shown != null && shown.reviewState() != details.state()) {
            table.replaceState(shown.photoId(), details.state());
        }
    }

    // ---- verdicts ------------------------------------------------------------------------------------------

    /** Accepts every head of the selected photo, then moves to the next photo. */
    public void acceptAll() {
        ReviewRow row = reviewableSelection("accept");
        if (row == null) {
            return;
        }
        if (table.blindedProperty().get()) {
            // Accepting means "the model's label is right", which a reader who has not seen it cannot say.
            notices.post(Notice.warning("Blinded reading: give your own label for each head (1 to 9); the model's "
                    + "answer shows once you have."));
            return;
        }
        int index = table.shownIndexOf(row);
        ReviewRow after = index + 1 < table.sortedRows().size() ? table.sortedRows().get(index + 1) : null;
        String name = reviewer.reviewerProperty().get();
        long analysisId = row.result().orElseThrow().analysisId();
        save(row, "accept", s -> s.reviews().acceptAll(analysisId, name), () -> {
            verdictSaved();
            if (after != null && idOf(selected.get()) == row.photoId()) {
                select(after);
            }
        });
    }

    /** Overrides the focused head with its {@code number}-th label (1 = the first). */
    public void overrideFocused(int number) {
        ReviewRow row = reviewableSelection("override");
        if (row == null || heads.isEmpty()) {
            return;
        }
        HeadReview head = heads.get(Math.min(focusedHead.get(), heads.size() - 1));
        if (number < 1 || number > head.labels().size()) {
            notices.post(Notice.warning(DisplayNames.head(head.head()) + " has " + head.labels().size()
                    + " labels; press 1 to " + Math.min(9, head.labels().size()) + "."));
            return;
        }
        override(head.head(), head.labels().get(number - 1));
    }

    /** Overrides one head of the selected photo with the given label. */
    public void override(String head, String label) {
        ReviewRow row = reviewableSelection("override");
        if (row == null) {
            return;
        }
        String name = reviewer.reviewerProperty().get();
        long analysisId = row.result().orElseThrow().analysisId();
        boolean blinded = table.blindedProperty().get();
        save(row, "override", s -> {
            s.reviews().override(analysisId, head, label, name);
            if (blinded) {
                // The reader's label is saved first, then the model's answer is shown: the reveal comes after it.
                s.blinding().reveal(row.result().orElseThrow(), List.of(head), name);
            }
            return null;
        }, this::verdictSaved);
    }

    /** Flags the selected photo, or takes its flag off. */
    public void toggleFlag() {
        ReviewRow row = selected.get();
        if (row == null) {
            return;
        }
        reviewer.requireName().ifPresent(name -> {
            boolean flagged = row.flagged();
            save(row, flagged ? "unflag" : "flag", s -> flagged ? s.reviews().unflag(row.photoId(), name)
                    : s.reviews().flag(row.photoId(), "", name), () -> { });
        });
    }

    /** Saves the selected photo's note when it changed. */
    public void saveNote(String text) {
        ReviewRow row = selected.get();
        String clean = text == null ? "" : text.strip();
        if (row == null || clean.equals(noteText.get())) {
            return;
        }
        reviewer.requireName().ifPresent(name ->
                save(row, "note", s -> s.reviews().note(row.photoId(), clean, name), () -> { }));
    }

    /** Tells {@code listener} after each verdict is saved (not flags or notes), on the UI thread. */
    public void addVerdictListener(Runnable listener) {
        verdictListeners.add(listener);
    }

    private void verdictSaved() {
        verdictListeners.forEach(Runnable::run);
    }

    private ReviewRow reviewableSelection(String what) {
        ReviewRow row = selected.get();
        if (row == null || reviewer.requireName().isEmpty()) {
            return null;
        }
        if (!row.reviewable()) {
            notices.post(Notice.warning(row.file() + " has no result to " + what + (row.analysed()
                    ? " (its analysis failed); flag it (F) or write a note instead."
                    : " yet: run the batch first.")));
            return null;
        }
        return row;
    }

    @FunctionalInterface
    private interface Write {
        Object apply(Session session) throws Exception;
    }

    private void save(ReviewRow row, String what, Write write, Runnable then) {
        Session current = session.get();
        boolean blinded = table.blindedProperty().get();
        String name = reviewer.reviewerProperty().get();
        store.execute(BackgroundTask.of(what + " " + row.file(), () -> {
            write.apply(current);
            return ReviewDetails.read(current, row, blinded, name);
        }).onSuccess(details -> {
            table.replaceState(row.photoId(), details.state());
            if (idOf(selected.get()) == row.photoId()) {
                showDetails(details);
            }
            then.run();
        }).onFailure(error -> notices.post(Notice.error("The " + what + " of " + row.file()
                + " was not saved: " + error.getMessage()))));
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ReviewRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected photo's heads with their verdicts. */
    public ObservableList<HeadReview> heads() {
        return heads;
    }

    /** Which head 1..9 and accept-one act on. */
    public IntegerProperty focusedHeadProperty() {
        return focusedHead;
    }

    public ReadOnlyStringProperty noteTextProperty() {
        return noteText.getReadOnlyProperty();
    }

    /** Who made the result shown, or why there is none. */
    public ReadOnlyStringProperty reviewTextProperty() {
        return reviewText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DisplayPicture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** "Loading…", or why the picture cannot be shown; empty once it shows. */
    public ReadOnlyStringProperty pictureMessageProperty() {
        return pictureMessage.getReadOnlyProperty();
    }

    public ReviewerViewModel reviewer() {
        return reviewer;
    }
}
