package ai.haski.desktop.ui.evaluation;

import ai.haski.desktop.session.evaluation.ClassMetrics;
import ai.haski.desktop.session.evaluation.HeadEvaluation;
import ai.haski.desktop.ui.result.DisplayNames;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * One head of the Evaluation view: its numbers with their interval, the confusion heat map, the reliability diagram,
 * and each label's precision, recall, F1 and support with an F1 bar.
 */
final class HeadPanel {
    private static final double BAR = 90;

    private HeadPanel() {}

    static Node of(HeadEvaluation head, EvaluationViewModel viewModel) {
        Label title = new Label(DisplayNames.head(head.head()));
        title.getStyleClass().add("evaluation-head");
        Label accuracy = new Label(EvaluationTexts.accuracy(head));
        accuracy.setId("accuracy-" + head.head());
        accuracy.setWrapText(true);
        Label scores = new Label(EvaluationTexts.scores(head));
        scores.getStyleClass().add("evaluation-note");
        VBox confusion = new VBox(4, caption("Confusion matrix (click a cell to list its photos)"),
                ConfusionHeatMap.of(head, viewModel));
        VBox reliability = new VBox(4, caption("Reliability"),
                ReliabilityDiagram.of(head.head(), head.reliability()));
        VBox perClass = new VBox(4, caption("Per label"), perClass(head));
        // Side by side where the window is wide enough, one under the other where it is not.
        FlowPane charts = new FlowPane(24, 12, confusion, reliability, perClass);
        charts.setAlignment(Pos.TOP_LEFT);
        VBox panel = new VBox(6, title, accuracy, scores, charts);
        panel.setId("evaluation-" + head.head());
        panel.getStyleClass().add("evaluation-panel");
        panel.setPadding(new Insets(10));
        return panel;
    }

    private static Node perClass(HeadEvaluation head) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] columns = {"label", "precision", "recall", "F1", "support", ""};
        for (int c = 0; c < columns.length; c++) {
            Label heading = whole(columns[c]);
            heading.getStyleClass().add("confusion-heading");
            grid.add(heading, c, 0);
        }
        int row = 1;
        for (ClassMetrics metrics : head.perClass()) {
            grid.add(whole(DisplayNames.label(metrics.label())), 0, row);
            grid.add(whole(EvaluationTexts.number(metrics.precision())), 1, row);
            grid.add(whole(EvaluationTexts.number(metrics.recall())), 2, row);
            grid.add(whole(EvaluationTexts.number(metrics.f1())), 3, row);
            grid.add(whole(Long.toString(metrics.support())), 4, row);
            Rectangle bar = new Rectangle(BAR * metrics.f1().orElse(0), 10, Color.rgb(89, 161, 79));
            grid.add(bar, 5, row);
            row++;
        }
        return grid;
    }

    /** A label never cut short ("und…" reads as nothing): the column grows instead. */
    static Label whole(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label caption(String text) {
        Label caption = whole(text);
        caption.getStyleClass().add("evaluation-caption");
        return caption;
    }
}
