package ai.haski.desktop.ui.result;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One head of the result: its title, top label with confidence, and its distribution; reused between results. */
final class HeadBox extends VBox {
    private final Label title = new Label();
    private final Label top = new Label();
    private final DistributionBars bars = new DistributionBars();

    HeadBox() {
        super(4);
        getStyleClass().add("head-box");
        title.getStyleClass().add("head-title");
        top.getStyleClass().add("head-top");
        getChildren().addAll(title, top, bars);
    }

    void show(HeadDisplay head) {
        title.setText(head.title());
        top.setText(head.topLabel() + "  " + head.topPercentText());
        top.setId("top-" + head.title().replace(' ', '-'));
        bars.setId("bars-" + head.title().replace(' ', '-'));
        bars.show(head.shares());
        setAccessibleText(head.title() + ": " + head.topLabel() + ", " + head.topPercentText());
    }
}
