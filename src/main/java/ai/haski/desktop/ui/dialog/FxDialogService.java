package ai.haski.desktop.ui.dialog;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The JavaFX dialogs, owned by the app's window so that they stay in front of it and block only it. */
public final class FxDialogService implements DialogService {
    /** Wide enough that a folder path in the text does not wrap into a narrow column. */
    private static final double TEXT_WIDTH = 520;
    private static final double COLUMNS_WIDTH = 560;

    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to, read at each question (the stage may be made later) */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** Dialogs owned by whichever of the app's windows has the focus when the question is asked. */
    public static FxDialogService overFocusedWindow() {
        return new FxDialogService(() -> Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(null));
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters, Optional<Path> startFolder) {
        FileChooser chooser = fileChooser(title, filters, startFolder);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<SaveTarget> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters,
            Optional<Path> startFolder) {
        FileChooser chooser = fileChooser(title, filters, startFolder);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        int selected = chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter());
        return Optional.of(new SaveTarget(file.toPath(), filters.get(Math.max(0, selected))));
    }

    private static FileChooser fileChooser(String title, List<FileFilter> filters, Optional<Path> startFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileFilter filter : filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter.description(),
                    filter.patterns()));
        }
        startFolder.filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public boolean confirm(String title, String question, String details, String confirmLabel) {
        Alert confirm = owned(new Alert(Alert.AlertType.CONFIRMATION), title, question);
        confirm.setContentText(details);
        confirm.getDialogPane().setMinWidth(TEXT_WIDTH);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText(confirmLabel);
        return confirm.showAndWait().filter(answer -> answer == ButtonType.OK).isPresent();
    }

    @Override
    public <T> Optional<T> choose(String title, String question, String label, List<T> options, T suggested) {
        ChoiceDialog<T> choose = owned(new ChoiceDialog<>(suggested, options), title, question);
        choose.setContentText(label);
        return choose.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String question, String label, String initial) {
        TextInputDialog ask = owned(new TextInputDialog(initial), title, question);
        ask.setContentText(label);
        return ask.showAndWait();
    }

    @Override
    public void showInformation(String title, String header, String text) {
        Alert info = owned(new Alert(Alert.AlertType.INFORMATION), title, header);
        info.setContentText(text);
        info.getDialogPane().setMinWidth(TEXT_WIDTH);
        info.show();
    }

    @Override
    public void showColumns(String title, String header, String text) {
        Alert info = owned(new Alert(Alert.AlertType.INFORMATION), title, header);
        Label columns = new Label(text);
        columns.setStyle("-fx-font-family: monospace;");
        info.getDialogPane().setContent(columns);
        info.getDialogPane().setMinWidth(COLUMNS_WIDTH);
        info.show();
    }

    private <D extends Dialog<?>> D owned(D dialog, String title, String header) {
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog;
    }
}
