package ai.haski.desktop.ui.result;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** One label's probability as a horizontal bar between its name and its percentage. */
final class ShareBar extends HBox {

    ShareBar(LabelShare share) {
        getStyleClass().add("share-row");
        if (share.top()) {
            getStyleClass().add("share-top");
        }
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        Label name = new Label(share.label());
        name.getStyleClass().add("share-label");
        name.setMinWidth(110);
        name.setPrefWidth(110);

        Region fill = new Region();
        fill.getStyleClass().add("share-fill");
        StackPane track = new StackPane(fill);
        track.getStyleClass().add("share-track");
        track.setAlignment(Pos.CENTER_LEFT);
        track.setMinWidth(60);
        track.setMaxWidth(Double.MAX_VALUE);
        fill.maxWidthProperty().bind(track.widthProperty().multiply(Math.max(0, Math.min(1, share.probability()))));
        fill.setMinWidth(0);
        HBox.setHgrow(track, Priority.ALWAYS);

        Label percent = new Label(share.percentText());
        percent.getStyleClass().add("share-percent");
        percent.setMinWidth(62);
        percent.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(name, track, percent);
        setAccessibleText(share.label() + ": " + share.percentText());
    }
}
