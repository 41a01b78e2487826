package ai.haski.desktop.ui.evaluation;

import ai.haski.desktop.session.evaluation.HeadEvaluation;
import ai.haski.desktop.ui.result.DisplayNames;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * One head's confusion matrix as a heat map: rows the truth, columns the model's label, in the manifest's order.
 * A cell's shade is its share of its row, blue on the diagonal (right) and orange off it (wrong), as in the HTML
 * report; each cell is a button that filters the session's table to its photos.
 */
final class ConfusionHeatMap {
    private ConfusionHeatMap() {}

    static Node of(HeadEvaluation head, EvaluationViewModel viewModel) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("confusion-map");
        grid.setHgap(6);
        grid.setVgap(2);
        List<String> labels = head.labels();
        Label corner = HeadPanel.whole("truth \u2193  model \u2192");
        corner.getStyleClass().add("confusion-corner");
        grid.add(corner, 0, 0);
        for (int j = 0; j < labels.size(); j++) {
            Label column = HeadPanel.whole(DisplayNames.label(labels.get(j)));
            column.getStyleClass().add("confusion-heading");
            GridPane.setHalignment(column, HPos.CENTER);
            grid.add(column, j + 1, 0);
        }
        long[][] matrix = head.confusion().matrix();
        for (int i = 0; i < labels.size(); i++) {
            Label row = HeadPanel.whole(DisplayNames.label(labels.get(i)));
            row.getStyleClass().add("confusion-heading");
            grid.add(row, 0, i + 1);
            long rowTotal = head.confusion().rowTotal(i);
            for (int j = 0; j < labels.size(); j++) {
                grid.add(cell(head, viewModel, i, j, matrix[i][j], rowTotal), j + 1, i + 1);
            }
        }
        return grid;
    }

    private static Button cell(HeadEvaluation head, EvaluationViewModel viewModel, int row, int column, long count,
            long rowTotal) {
        String truth = head.labels().get(row);
        String predicted = head.labels().get(column);
        Button cell = new Button(Long.toString(count));
        cell.setId("confusion-" + head.head() + "-" + row + "-" + column);
        cell.getStyleClass().add("confusion-cell");
        cell.setAlignment(Pos.CENTER);
        cell.setMinSize(56, 34);
        cell.setPrefHeight(34);
        cell.setMaxWidth(Double.MAX_VALUE);
        GridPane.setFillWidth(cell, true);
        cell.setFocusTraversable(false);
        cell.setCursor(Cursor.HAND);
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        // The same colours as the HTML report, so a reader who knows one reads the other.
        String colour = row == column ? "78,121,167" : "242,142,43";
        cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s,%.2f); -fx-text-fill: %s;", colour,
                0.08 + share * 0.85, share > 0.55 ? "white" : "black"));
        String text = count + (count == 1 ? " photo" : " photos") + " truly " + DisplayNames.label(truth)
                + ", called " + DisplayNames.label(predicted) + " by the model. Click to list them.";
        cell.setTooltip(new Tooltip(text));
        cell.setAccessibleText(text);
        cell.setOnAction(event -> viewModel.showCell(head.head(), truth, predicted));
        return cell;
    }
}
