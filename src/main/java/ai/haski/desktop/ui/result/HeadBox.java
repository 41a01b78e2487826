package ai.haski.desktop.ui.result;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One head of the result: its title, top label with confidence, and its distribution; reused between results. */
final class HeadBox extends VBox {
    private final Label title = new Label();
    private final Label top = new Label();
    private final DistributionBars bars = new DistributionBars();
    private final ToggleButton explain = new ToggleButton("Explain");

    HeadBox() {
        super(4);
        getStyleClass().add("head-box");
        title.getStyleClass().add("head-title");
        top.getStyleClass().add("head-top");
        explain.getStyleClass().add("explain-toggle");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox heading = new HBox(8, title, gap, explain);
        heading.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(heading, top, bars);
    }

    void show(HeadDisplay head) {
        title.setText(head.title());
        top.setText(head.topLabel() + "  " + head.topPercentText());
        top.setId("top-" + head.title().replace(' ', '-'));
        bars.setId("bars-" + head.title().replace(' ', '-'));
        bars.show(head.shares());
        explain.setId("explain-" + head.title().replace(' ', '-'));
        explain.setAccessibleText("Explain " + head.title() + ": show where in the photo the model looked");
        setAccessibleText(head.title() + ": " + head.topLabel() + ", " + head.topPercentText());
    }

    /** The head's "Explain" toggle; the result view ties it to the explained head. */
    ToggleButton explainToggle() {
        return explain;
    }
}
