package ai.haski.desktop.session.evaluation;

import static ai.haski.desktop.session.evaluation.Html.coordinate;
import static ai.haski.desktop.session.evaluation.Html.escape;
import static ai.haski.desktop.session.evaluation.Html.number;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The report's pictures, drawn by hand as inline markup so that the file needs nothing beside itself: the confusion
 * matrix as a heat-map table, the per-class precision, recall and F1 and the reliability diagram as SVG.
 *
 * <p>Every number a chart shows is also in a table of the report; the charts carry {@code <title>} tooltips but no
 * value that exists only in a picture.
 */
final class EvaluationCharts {
    private static final String[] SERIES_COLOURS = {"#4e79a7", "#f28e2b", "#59a14f"};
    private static final String[] SERIES = {"precision", "recall", "F1"};

    private EvaluationCharts() {}

    /**
     * The confusion matrix, rows the truth and columns the model. A cell's shade is its share of its row (of the
     * photos that truly have that label, the share the model gave this one), so a weak label stands out even
     * when it is rare; the diagonal is outlined.
     */
    static void confusion(StringBuilder html, String key, HeadEvaluation head) {
        long[][] matrix = head.confusion().matrix();
        List<String> labels = head.labels();
        html.append("<table class=\"confusion\"><caption>Confusion matrix: rows are the truth, columns the model's "
                + "label; the shade is the share of the row</caption>\n<tr><th class=\"corner\">truth \\ model</th>");
        labels.forEach(label -> html.append("<th scope=\"col\">").append(escape(label)).append("</th>"));
        html.append("<th scope=\"col\">total</th></tr>\n");
        for (int i = 0; i < matrix.length; i++) {
            long rowTotal = head.confusion().rowTotal(i);
            html.append("<tr><th scope=\"row\">").append(escape(labels.get(i))).append("</th>");
            for (int j = 0; j < matrix.length; j++) {
                double share = rowTotal == 0 ? 0 : (double) matrix[i][j] / rowTotal;
                // Blue on the diagonal (right), orange off it (wrong), so the colour alone tells which is which.
                String colour = i == j ? "78,121,167" : "242,142,43";
                html.append("<td class=\"").append(i == j ? "cell diagonal" : "cell").append("\" style=\"background:"
                        + " rgba(").append(colour).append(',').append(String.format(java.util.Locale.ROOT, "%.2f",
                        share * 0.85)).append(")\" data-key=\"").append(escape(key + "confusion/" + i + "/" + j))
                        .append("\" title=\"").append(escape(labels.get(i) + " called " + labels.get(j)))
                        .append("\">").append(matrix[i][j]).append("</td>");
            }
            html.append("<td class=\"total\">").append(rowTotal).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** Grouped horizontal bars: each label's precision, recall and F1 from 0 to 1; an undefined one has no bar. */
    static void perClass(StringBuilder html, HeadEvaluation head) {
        int labelWidth = 130;
        int plotWidth = 240;
        int barHeight = 9;
        int groupHeight = SERIES.length * barHeight + 12;
        int top = 24;
        int height = top + head.perClass().size() * groupHeight + 24;
        svgOpen(html, labelWidth + plotWidth + 70, height, "Precision, recall and F1 per label");
        legend(html, labelWidth, 12);
        for (int g = 0; g < head.perClass().size(); g++) {
            ClassMetrics metrics = head.perClass().get(g);
            int y = top + g * groupHeight;
            html.append("<text class=\"label\" x=\"").append(labelWidth - 6).append("\" y=\"")
                    .append(y + groupHeight / 2).append("\" text-anchor=\"end\">").append(escape(metrics.label()))
                    .append(" (").append(metrics.support()).append(")</text>\n");
            OptionalDouble[] values = {metrics.precision(), metrics.recall(), metrics.f1()};
            for (int s = 0; s < SERIES.length; s++) {
                int barY = y + s * barHeight;
                if (values[s].isEmpty()) {
                    html.append("<text class=\"small\" x=\"").append(labelWidth + 2).append("\" y=\"")
                            .append(barY + barHeight - 1).append("\">").append(SERIES[s]).append(' ')
                            .append(Html.UNDEFINED).append("</text>\n");
                    continue;
                }
                double value = values[s].getAsDouble();
                html.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(barY).append("\" width=\"")
                        .append(coordinate(value * plotWidth)).append("\" height=\"").append(barHeight - 1)
                        .append("\" fill=\"").append(SERIES_COLOURS[s]).append("\"><title>")
                        .append(escape(metrics.label())).append(' ').append(SERIES[s]).append(' ')
                        .append(number(value)).append("</title></rect>\n");
                html.append("<text class=\"small\" x=\"").append(coordinate(labelWidth + value * plotWidth + 3))
                        .append("\" y=\"").append(barY + barHeight - 1).append("\">").append(number(value))
                        .append("</text>\n");
            }
        }
        int axisY = height - 20;
        html.append("<line class=\"axis\" x1=\"").append(labelWidth).append("\" y1=\"").append(axisY)
                .append("\" x2=\"").append(labelWidth + plotWidth).append("\" y2=\"").append(axisY).append("\"/>\n");
        for (double tick : new double[] {0, 0.5, 1}) {
            html.append("<text class=\"small\" x=\"").append(coordinate(labelWidth + tick * plotWidth))
                    .append("\" y=\"").append(axisY + 13).append("\" text-anchor=\"middle\">")
                    .append(tick == 0.5 ? "0.5" : (int) tick).append("</text>\n");
        }
        html.append("</svg>\n");
    }

    /**
     * The reliability diagram: one bar per confidence bin, as tall as the share of the bin's photos the model got
     * right, over the diagonal where accuracy equals confidence. A bar under the diagonal means over-confidence;
     * a red tick across the bar marks the bin's mean confidence, so the gap ECE weighs is the distance from the
     * bar's top to the tick; the bin's count is written above it, since a bar of 2 photos says little.
     */
    static void reliability(StringBuilder html, HeadEvaluation head) {
        if (head.reliability().isEmpty()) {
            html.append("<p class=\"muted\">No reliability diagram: this head's scores are not probabilities.</p>\n");
            return;
        }
        int left = 44;
        int top = 14;
        int size = 300;
        svgOpen(html, left + size + 20, top + size + 58, "Reliability diagram: accuracy against confidence");
        html.append("<rect class=\"frame\" x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"")
                .append(size).append("\" height=\"").append(size).append("\"/>\n");
        for (CalibrationError.Bin bin : head.reliability()) {
            if (bin.count() == 0) {
                continue;
            }
            double accuracy = bin.accuracy().orElse(0);
            double x = left + bin.lower() * size;
            double width = (bin.upper() - bin.lower()) * size;
            double barTop = top + (1 - accuracy) * size;
            html.append("<rect class=\"bin\" x=\"").append(coordinate(x + 1)).append("\" y=\"")
                    .append(coordinate(barTop)).append("\" width=\"").append(coordinate(width - 2))
                    .append("\" height=\"").append(coordinate(accuracy * size)).append("\"><title>")
                    .append(String.format(java.util.Locale.ROOT, "confidence (%.2f, %.2f]: %d photos, accuracy %s, "
                            + "mean confidence %s", bin.lower(), bin.upper(), bin.count(), number(accuracy),
                            number(bin.confidence())))
                    .append("</title></rect>\n");
            double confidence = bin.confidence().orElse(0);
            double tickY = top + (1 - confidence) * size;
            html.append("<line class=\"mean\" x1=\"").append(coordinate(x + 1)).append("\" y1=\"")
                    .append(coordinate(tickY)).append("\" x2=\"").append(coordinate(x + width - 1))
                    .append("\" y2=\"").append(coordinate(tickY)).append("\"/>\n");
            html.append("<text class=\"small\" x=\"").append(coordinate(x + width / 2)).append("\" y=\"")
                    .append(coordinate(Math.min(barTop, top + size) - 3)).append("\" text-anchor=\"middle\">")
                    .append(bin.count()).append("</text>\n");
        }
        html.append("<line class=\"diagonal\" x1=\"").append(left).append("\" y1=\"").append(top + size)
                .append("\" x2=\"").append(left + size).append("\" y2=\"").append(top).append("\"/>\n");
        for (double tick : new double[] {0, 0.5, 1}) {
            String text = tick == 0.5 ? "0.5" : Integer.toString((int) tick);
            html.append("<text class=\"small\" x=\"").append(coordinate(left + tick * size)).append("\" y=\"")
                    .append(top + size + 14).append("\" text-anchor=\"middle\">").append(text).append("</text>\n");
            html.append("<text class=\"small\" x=\"").append(left - 6).append("\" y=\"")
                    .append(coordinate(top + (1 - tick) * size + 4)).append("\" text-anchor=\"end\">").append(text)
                    .append("</text>\n");
        }
        html.append("<text class=\"label\" x=\"").append(left + size / 2).append("\" y=\"").append(top + size + 34)
                .append("\" text-anchor=\"middle\">confidence of the top label</text>\n");
        html.append("<text class=\"small\" x=\"").append(left).append("\" y=\"").append(top + size + 50)
                .append("\">bar: accuracy (photos above it); red tick: mean confidence</text>\n");
        html.append("<text class=\"label\" transform=\"rotate(-90)\" x=\"").append(-(top + size / 2))
                .append("\" y=\"12\" text-anchor=\"middle\">accuracy</text>\n");
        html.append("</svg>\n");
    }

    private static void svgOpen(StringBuilder html, int width, int height, String title) {
        html.append("<svg class=\"chart\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\"><title>").append(escape(title)).append("</title>\n");
    }

    private static void legend(StringBuilder html, int x, int y) {
        for (int s = 0; s < SERIES.length; s++) {
            int at = x + s * 90;
            html.append("<rect x=\"").append(at).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\""
                    + " fill=\"").append(SERIES_COLOURS[s]).append("\"/><text class=\"small\" x=\"").append(at + 14)
                    .append("\" y=\"").append(y).append("\">").append(SERIES[s]).append("</text>\n");
        }
    }
}
