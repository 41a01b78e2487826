package ai.haski.desktop.ui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions a ViewModel may ask the user: files to open or save, a folder, a confirmation, a choice, a line of
 * text. ViewModels get one injected, so their commands run the whole flow (ask, then act) and tests answer with a
 * double instead of a window. Each call blocks until the user answers; call on the UI thread. An empty answer means
 * the user cancelled.
 */
public interface DialogService {

    Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters);

    /** @param suggestedName the file name the dialog starts with; {@code filters} are offered in this order */
    Optional<SaveTarget> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters);

    Optional<Path> chooseFolder(String title);

    /** Asks before something that cannot be undone; true only when the user pressed {@code confirmLabel}. */
    boolean confirm(String title, String question, String details, String confirmLabel);

    /** One of {@code options}, shown by {@code toString()}, starting at {@code suggested}. */
    <T> Optional<T> choose(String title, String question, List<T> options, T suggested);

    /** A line of text, starting with {@code initial}. */
    Optional<String> askText(String title, String question, String initial);

    /** Information the user reads and closes (the About box, the keyboard keys). */
    void showInformation(String title, String header, String text);
}
