package ai.haski.desktop.ui.session;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The session screen's bottom line: the counts on the left, the active model on the right. */
final class SessionStatusBar {
    private SessionStatusBar() {}

    static Node build(PhotoTableViewModel table, BatchViewModel batch) {
        Label counts = new Label();
        counts.setId("sessionStatus");
        counts.textProperty().bind(table.statusTextProperty());
        Label model = new Label();
        model.setId("sessionModel");
        model.textProperty().bind(batch.activeModelTextProperty());
        model.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, counts, spacer, model);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(3, 10, 3, 10));
        row.getStyleClass().add("session-status");
        return row;
    }
}
