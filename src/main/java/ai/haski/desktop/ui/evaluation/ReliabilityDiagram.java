package ai.haski.desktop.ui.evaluation;

import ai.haski.desktop.session.evaluation.CalibrationError;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A head's reliability diagram: one bar per confidence bin, as tall as the bin's accuracy, with its photo count
 * above it, a red tick at the bin's mean confidence, and the dashed diagonal where confidence equals accuracy.
 * An empty bin has no bar (its accuracy is undefined, not 0).
 */
final class ReliabilityDiagram {
    private static final double WIDTH = 300;
    private static final double HEIGHT = 180;
    private static final double LEFT = 34;
    private static final double TOP = 16;
    private static final double BOTTOM = 22;

    private ReliabilityDiagram() {}

    static Node of(String head, List<CalibrationError.Bin> bins) {
        if (bins.isEmpty()) {
            Label none = new Label("No reliability diagram: this head's scores are not probabilities.");
            none.getStyleClass().add("evaluation-note");
            return none;
        }
        Pane pane = new Pane();
        pane.setId("reliability-" + head);
        pane.getStyleClass().add("reliability-diagram");
        double plot = HEIGHT - TOP - BOTTOM;
        double barWidth = (WIDTH - LEFT - 4) / bins.size();
        pane.getChildren().addAll(axis(LEFT, TOP, LEFT, TOP + plot), axis(LEFT, TOP + plot, WIDTH - 4, TOP + plot));
        for (double tick : new double[] {0, 0.5, 1}) {
            Text label = new Text(0, TOP + plot - tick * plot + 4, String.format(Locale.ROOT, "%.1f", tick));
            label.getStyleClass().add("chart-text");
            pane.getChildren().add(label);
        }
        Text xAxis = new Text(LEFT, HEIGHT - 4, "confidence 0 \u2192 1 (bar: accuracy)");
        xAxis.getStyleClass().add("chart-text");
        pane.getChildren().add(xAxis);
        for (int b = 0; b < bins.size(); b++) {
            CalibrationError.Bin bin = bins.get(b);
            double x = LEFT + b * barWidth;
            if (bin.accuracy().isPresent()) {
                double accuracy = bin.accuracy().getAsDouble();
                Rectangle bar = new Rectangle(x + 1, TOP + plot - accuracy * plot, barWidth - 2,
                        Math.max(1, accuracy * plot));
                bar.setFill(Color.rgb(78, 121, 167));
                Tooltip.install(bar, new Tooltip(String.format(Locale.ROOT,
                        "(%.2f, %.2f]: %d photos, accuracy %.2f, mean confidence %.2f", bin.lower(), bin.upper(),
                        bin.count(), accuracy, bin.confidence().orElse(Double.NaN))));
                double confidence = bin.confidence().getAsDouble();
                Line tick = new Line(x + 1, TOP + plot - confidence * plot, x + barWidth - 1,
                        TOP + plot - confidence * plot);
                tick.setStroke(Color.rgb(200, 30, 30));
                tick.setStrokeWidth(2);
                Text count = new Text(x + 1, TOP + plot - accuracy * plot - 3, Long.toString(bin.count()));
                count.getStyleClass().add("chart-count");
                pane.getChildren().addAll(bar, tick, count);
            }
        }
        Line diagonal = new Line(LEFT, TOP + plot, WIDTH - 4, TOP);
        diagonal.getStrokeDashArray().addAll(5.0, 4.0);
        diagonal.setStroke(Color.gray(0.45));
        pane.getChildren().add(diagonal);
        pane.setMinSize(WIDTH, HEIGHT);
        pane.setPrefSize(WIDTH, HEIGHT);
        pane.setMaxSize(WIDTH, HEIGHT);
        return pane;
    }

    private static Line axis(double x1, double y1, double x2, double y2) {
        Line line = new Line(x1, y1, x2, y2);
        line.setStroke(Color.gray(0.3));
        return line;
    }
}
