package ai.haski.desktop.ui.session;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The session screen's top bar: the folder, Analyse all, Pause/Resume, Cancel and the batch's progress. */
final class BatchBar {
    private BatchBar() {}

    static Node build(SessionLifecycle lifecycle, BatchViewModel batch) {
        Label folder = new Label();
        folder.setId("sessionFolder");
        folder.getStyleClass().add("session-folder");
        folder.textProperty().bind(Bindings.createStringBinding(() -> lastPart(lifecycle.folderTextProperty().get()),
                lifecycle.folderTextProperty()));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(lifecycle.folderTextProperty());
        folder.setTooltip(whole);
        folder.setMinWidth(60);
        folder.setMaxWidth(220);

        Button analyse = new Button("Analyse all");
        analyse.setId("analyseAll");
        analyse.setTooltip(new Tooltip("Analyse every photo the active model has not analysed yet"));
        analyse.setOnAction(event -> batch.start());
        analyse.disableProperty().bind(batch.runningProperty().or(lifecycle.sessionProperty().isNull()));

        Button pause = new Button();
        pause.setId("pauseBatch");
        pause.textProperty().bind(Bindings.when(batch.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.setOnAction(event -> batch.togglePause());
        pause.disableProperty().bind(batch.runningProperty().not());

        Button cancel = new Button("Cancel");
        cancel.setId("cancelBatch");
        cancel.setOnAction(event -> batch.cancel());
        cancel.disableProperty().bind(batch.runningProperty().not());

        ProgressBar bar = new ProgressBar();
        bar.setId("batchProgress");
        bar.progressProperty().bind(batch.progressProperty());
        bar.setPrefWidth(180);
        bar.setMinWidth(80);
        Label progress = new Label();
        progress.setId("batchProgressText");
        progress.textProperty().bind(batch.progressTextProperty());
        progress.setMinWidth(80);

        for (Button fixed : new Button[] {analyse, pause, cancel}) {
            fixed.setFocusTraversable(false);
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, folder, new Separator(Orientation.VERTICAL), analyse, pause, cancel, bar, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 6, 10));
        row.getStyleClass().add("session-bar");
        return row;
    }

    static String lastPart(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }
}
