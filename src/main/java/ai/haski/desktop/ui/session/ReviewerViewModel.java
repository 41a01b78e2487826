package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.ReviewerSettings;
import ai.haski.desktop.ui.dialog.DialogService;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import ai.haski.desktop.ui.task.BackgroundTask;
import ai.haski.desktop.ui.task.TaskExecutor;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Who is reviewing: the name every verdict, flag and note is saved with, kept for later sessions. The name file is
 * written on the store lane, never on the UI thread. Use on the UI thread.
 */
public final class ReviewerViewModel {
    static final String TITLE = "Reviewer name";
    static final String QUESTION = "Who is reviewing? Every verdict, flag and note is saved with this name.";

    private final ReviewerSettings settings;
    private final TaskExecutor store;
    private final NoticeSink notices;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper reviewer = new ReadOnlyStringWrapper(this, "reviewer", "");

    /** Reads the saved name now: call off the UI thread (the app builds its ViewModels at launch, before the window). */
    public ReviewerViewModel(ReviewerSettings settings, TaskExecutor store, NoticeSink notices, DialogService dialogs) {
        this.settings = settings;
        this.store = store;
        this.notices = notices;
        this.dialogs = dialogs;
        reviewer.set(settings.name().orElse(""));
    }

    /** Asks for the name (Session > Reviewer name…) and saves it; a blank answer changes nothing. */
    public void askName() {
        dialogs.askText(TITLE, QUESTION, "Your name:", reviewer.get()).filter(name -> !name.isBlank()).ifPresent(this::setName);
    }

    /** Saves the reviewer's name for this and later sessions; the name shows once it is saved. */
    public void setName(String name) {
        store.execute(BackgroundTask.of("save the reviewer name", () -> {
            settings.setName(name);
            return name.strip();
        }).onSuccess(reviewer::set).onFailure(error -> notices.post(Notice.error(error.getMessage()))));
    }

    /** The name, or empty after telling the user to enter it first: every verdict says who gave it. */
    Optional<String> requireName() {
        if (reviewer.get().isBlank()) {
            notices.post(Notice.warning("Enter your name first (Session > Reviewer name…): every verdict says "
                    + "who gave it."));
            return Optional.empty();
        }
        return Optional.of(reviewer.get());
    }

    public ReadOnlyStringProperty reviewerProperty() {
        return reviewer.getReadOnlyProperty();
    }
}
