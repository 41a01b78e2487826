package ai.haski.desktop.ui.dialog;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The app's dialogs as JavaFX windows, each owned by the app's focused window (so that it opens above it), found when
 * the question is asked: the service is made before any window exists.
 */
public final class FxDialogService implements DialogService {

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        FileChooser chooser = fileChooser(title, filters);
        return Optional.ofNullable(chooser.showOpenDialog(owner())).map(File::toPath);
    }

    @Override
    public Optional<SaveTarget> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters) {
        FileChooser chooser = fileChooser(title, filters);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner());
        if (file == null) {
            return Optional.empty();
        }
        int chosen = Math.max(0, chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter()));
        return Optional.of(new SaveTarget(file.toPath(), filters.get(chosen)));
    }

    private static FileChooser fileChooser(String title, List<FileFilter> filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        filters.forEach(filter -> chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(filter.description(), filter.patterns())));
        return chooser;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner())).map(File::toPath);
    }

    @Override
    public boolean confirm(String title, String question, String details, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, details, yes, ButtonType.CANCEL);
        alert.setHeaderText(question);
        return ask(alert, title).filter(yes::equals).isPresent();
    }

    @Override
    public <T> Optional<T> choose(String title, String question, List<T> options, T suggested) {
        ChoiceDialog<T> dialog = new ChoiceDialog<>(suggested, options);
        dialog.setHeaderText(question);
        return ask(dialog, title);
    }

    @Override
    public Optional<String> askText(String title, String question, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setHeaderText(question);
        return ask(dialog, title);
    }

    @Override
    public void showInformation(String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.CLOSE);
        alert.setHeaderText(header);
        ask(alert, title);
    }

    private static <R> Optional<R> ask(Dialog<R> dialog, String title) {
        dialog.setTitle(title);
        Window owner = owner();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }

    private static Window owner() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().stream().findFirst().orElse(null));
    }
}
