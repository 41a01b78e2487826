package ai.haski.desktop.ui.result;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/**
 * The explained head's legend over the photo: what is explained, the progress while the map is computed, the
 * colour scale from "against" to "for" with what its ends stand for, the overlay's opacity, and the note that the
 * map describes the model, not the skin. Shown only while a head is explained.
 */
public final class ExplainPanel extends VBox {
    private static final double SCALE_WIDTH = 220;

    public ExplainPanel(ExplainViewModel viewModel) {
        super(6);
        setId("explainPanel");
        getStyleClass().add("explain-panel");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setFillWidth(false);

        Label title = new Label();
        title.setId("explainTitle");
        title.getStyleClass().add("explain-title");
        title.textProperty().bind(viewModel.titleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("explainProgress");
        progress.setPrefWidth(SCALE_WIDTH);
        progress.progressProperty().bind(viewModel.progressProperty());
        showWhen(progress, viewModel.runningProperty());

        Label message = new Label();
        message.setId("explainMessage");
        message.setWrapText(true);
        message.setMaxWidth(SCALE_WIDTH + 40);
        message.textProperty().bind(viewModel.messageProperty());
        showWhen(message, Bindings.isNotEmpty(viewModel.messageProperty()));

        Rectangle scale = new Rectangle(SCALE_WIDTH, 12, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, HeatOverlay.color(HeatScale.argb(-1, 1))), new Stop(0.5, Color.TRANSPARENT),
                new Stop(1, HeatOverlay.color(HeatScale.argb(1, 1)))));
        scale.getStyleClass().add("explain-scale");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label against = new Label("against");
        Label zero = new Label("0");
        Label supports = new Label("for");
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox ends = new HBox(against, gap, zero, gap2, supports);
        ends.setPrefWidth(SCALE_WIDTH);
        Label meaning = new Label();
        meaning.setId("explainMeaning");
        meaning.setWrapText(true);
        meaning.setMaxWidth(SCALE_WIDTH + 40);
        meaning.textProperty().bind(Bindings.concat("Red: covering it lowered the label; blue: raised it; "
                + "clear: no change. Ends: ", viewModel.scaleTextProperty(), " probability."));
        VBox legend = new VBox(2, scale, ends, meaning);
        legend.setId("explainLegend");
        showWhen(legend, viewModel.mapProperty().isNotNull());

        Slider opacity = new Slider(0, 1, 0.5);
        opacity.setId("explainOpacity");
        opacity.valueProperty().bindBidirectional(viewModel.opacityProperty());
        opacity.setPrefWidth(140);
        opacity.setAccessibleText("Opacity of the explanation overlay");
        HBox opacityRow = new HBox(8, new Label("Opacity"), opacity);
        opacityRow.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label(ExplainViewModel.NOTE);
        note.getStyleClass().add("explain-note");
        note.setWrapText(true);
        note.setMaxWidth(SCALE_WIDTH + 40);

        getChildren().addAll(title, progress, message, legend, opacityRow, note);
        showWhen(this, viewModel.explainedHeadProperty().greaterThanOrEqualTo(0));
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
