package ai.haski.desktop.ui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions a ViewModel may ask the user: files to open or save, a folder, a confirmation, a choice, a line of
 * text. ViewModels get one injected, so their commands run the whole flow (ask, then act) and tests answer with a
 * double instead of a window. Each question blocks until the user answers; call on the UI thread. An empty answer
 * means the user cancelled.
 */
public interface DialogService {

    /** @param startFolder the folder the dialog opens in; empty for the platform's own choice */
    Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters, Optional<Path> startFolder);

    default Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        return chooseFileToOpen(title, filters, Optional.empty());
    }

    /**
     * @param suggestedName the file name the dialog starts with; {@code filters} are offered in this order
     * @param startFolder   the folder the dialog opens in; empty for the platform's own choice
     */
    Optional<SaveTarget> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters,
            Optional<Path> startFolder);

    default Optional<SaveTarget> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters) {
        return chooseFileToSave(title, suggestedName, filters, Optional.empty());
    }

    Optional<Path> chooseFolder(String title);

    /** Asks before something that cannot be undone; true only when the user pressed {@code confirmLabel}. */
    boolean confirm(String title, String question, String details, String confirmLabel);

    /**
     * One of {@code options}, shown by {@code toString()}, starting at {@code suggested}.
     *
     * @param label what the list is, beside it (e.g. "Model:")
     */
    <T> Optional<T> choose(String title, String question, String label, List<T> options, T suggested);

    default <T> Optional<T> choose(String title, String question, List<T> options, T suggested) {
        return choose(title, question, "", options, suggested);
    }

    /**
     * A line of text, starting with {@code initial}.
     *
     * @param label what the text is, beside the field (e.g. "Your name:")
     */
    Optional<String> askText(String title, String question, String label, String initial);

    default Optional<String> askText(String title, String question, String initial) {
        return askText(title, question, "", initial);
    }

    /** Information the user reads and closes (the About box); it may stay open while the user works on. */
    void showInformation(String title, String header, String text);

    /** Like {@link #showInformation}, for text laid out in columns (the keyboard keys): a fixed-width font. */
    void showColumns(String title, String header, String text);
}
