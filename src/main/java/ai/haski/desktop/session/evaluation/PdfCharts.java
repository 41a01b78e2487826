package ai.haski.desktop.session.evaluation;

import static ai.haski.desktop.session.evaluation.Html.number;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * The PDF report's pictures, drawn as vectors with the HTML report's colours and rules: the confusion matrix as a
 * heat map (the shade is a cell's share of its row; blue on the diagonal, orange off it), per-label precision, recall
 * and F1 as bars, and the reliability diagram (one bar per bin as tall as its accuracy, its count above it, a red tick
 * at its mean confidence, the dashed diagonal where confidence equals accuracy).
 */
final class PdfCharts {
    private static final Color RIGHT = new Color(78, 121, 167);
    private static final Color WRONG = new Color(242, 142, 43);
    private static final Color RED = new Color(225, 87, 89);
    private static final Color GREY = new Color(153, 153, 153);
    private static final Color[] SERIES = {new Color(78, 121, 167), new Color(242, 142, 43), new Color(89, 161, 79)};
    private static final String[] SERIES_NAMES = {"precision", "recall", "F1"};
    private static final float CELL_H = 16;
    private static final float LABEL_W = 90;

    private PdfCharts() {}

    /** The confusion matrix with row totals; as wide as the page allows, cells at least 34 points. */
    static void confusion(PdfCanvas pdf, HeadEvaluation head) throws IOException {
        List<String> labels = head.labels();
        long[][] matrix = head.confusion().matrix();
        float cell = Math.max(34, Math.min(60, (pdf.width() - LABEL_W - 40) / Math.max(1, labels.size())));
        float height = CELL_H * (labels.size() + 2) + 14;
        pdf.block(height);
        pdf.textAt("Confusion matrix: rows are the truth, columns the model's label; the shade is the share of the row",
                PdfCanvas.REGULAR, 8, 0, 0);
        float top = 14;
        pdf.textAt("truth \\ model", PdfCanvas.REGULAR, 7, 0, top + 4);
        for (int j = 0; j < labels.size(); j++) {
            pdf.centredAt(shortened(pdf, labels.get(j), cell - 2), PdfCanvas.BOLD, 7, LABEL_W + j * cell + cell / 2,
                    top + 4);
        }
        pdf.centredAt("total", PdfCanvas.BOLD, 7, LABEL_W + labels.size() * cell + 20, top + 4);
        for (int i = 0; i < labels.size(); i++) {
            float rowTop = top + CELL_H * (i + 1);
            pdf.textAt(shortened(pdf, labels.get(i), LABEL_W - 4), PdfCanvas.BOLD, 7, 0, rowTop + 4);
            long rowTotal = head.confusion().rowTotal(i);
            for (int j = 0; j < labels.size(); j++) {
                double share = rowTotal == 0 ? 0 : (double) matrix[i][j] / rowTotal;
                float x = LABEL_W + j * cell;
                pdf.fill(x, rowTop, cell, CELL_H, tint(i == j ? RIGHT : WRONG, share * 0.85));
                pdf.outline(x, rowTop, cell, CELL_H, i == j ? RIGHT : new Color(221, 221, 221), i == j ? 1.2f : 0.5f);
                pdf.centredAt(Long.toString(matrix[i][j]), PdfCanvas.REGULAR, 8, x + cell / 2, rowTop + 4);
            }
            pdf.centredAt(Long.toString(rowTotal), PdfCanvas.REGULAR, 8, LABEL_W + labels.size() * cell + 20,
                    rowTop + 4);
        }
    }

    /** Grouped horizontal bars of each label's precision, recall and F1 from 0 to 1; an undefined one has no bar. */
    static void perClass(PdfCanvas pdf, HeadEvaluation head) throws IOException {
        float bar = 5;
        float group = SERIES.length * bar + 6;
        float plot = 220;
        float height = 22 + head.perClass().size() * group + 12;
        pdf.block(height);
        pdf.textAt("Per label: precision, recall and F1 (0 to 1)", PdfCanvas.REGULAR, 8, 0, 0);
        for (int s = 0; s < SERIES.length; s++) {
            pdf.fill(LABEL_W + 10 + s * 70, 12, 8, 6, SERIES[s]);
            pdf.textAt(SERIES_NAMES[s], PdfCanvas.REGULAR, 7, LABEL_W + 21 + s * 70, 11);
        }
        float top = 22;
        pdf.line(LABEL_W, top, LABEL_W, top + head.perClass().size() * group, GREY, 0.5f, false);
        pdf.line(LABEL_W + plot, top, LABEL_W + plot, top + head.perClass().size() * group, GREY, 0.5f, true);
        for (int c = 0; c < head.perClass().size(); c++) {
            ClassMetrics metrics = head.perClass().get(c);
            float groupTop = top + c * group;
            pdf.textAt(shortened(pdf, metrics.label(), LABEL_W - 4), PdfCanvas.REGULAR, 7, 0, groupTop + 3);
            double[] values = {metrics.precision().orElse(-1), metrics.recall().orElse(-1), metrics.f1().orElse(-1)};
            for (int s = 0; s < values.length; s++) {
                if (values[s] >= 0) {
                    pdf.fill(LABEL_W, groupTop + s * bar, (float) (values[s] * plot), bar - 1, SERIES[s]);
                }
            }
        }
    }

    /** The reliability diagram; nothing when the head's scores are not probabilities (no bins). */
    static void reliability(PdfCanvas pdf, HeadEvaluation head) throws IOException {
        List<CalibrationError.Bin> bins = head.reliability();
        if (bins.isEmpty()) {
            pdf.paragraph("No reliability diagram: this head's scores are not probabilities.", PdfCanvas.REGULAR, 8,
                    0);
            return;
        }
        float left = 30;
        float plotW = 300;
        float plotH = 130;
        float top = 26;
        pdf.block(top + plotH + 24);
        pdf.textAt("Reliability diagram: bar = accuracy of the bin, red tick = its mean confidence, count above",
                PdfCanvas.REGULAR, 8, 0, 0);
        pdf.outline(left, top, plotW, plotH, GREY, 0.5f);
        float binW = plotW / bins.size();
        for (int b = 0; b < bins.size(); b++) {
            CalibrationError.Bin bin = bins.get(b);
            if (bin.accuracy().isEmpty()) {
                continue;
            }
            float x = left + b * binW;
            float accuracy = (float) bin.accuracy().getAsDouble();
            float barTop = top + plotH * (1 - accuracy);
            pdf.fill(x + 1, barTop, binW - 2, Math.max(0.5f, plotH * accuracy), tint(RIGHT, 0.75));
            float tick = top + plotH * (1 - (float) bin.confidence().getAsDouble());
            pdf.line(x + 1, tick, x + binW - 1, tick, RED, 1.5f, false);
            pdf.centredAt(Long.toString(bin.count()), PdfCanvas.REGULAR, 6, x + binW / 2, barTop - 9);
        }
        pdf.line(left, top + plotH, left + plotW, top, RED, 0.8f, true);
        for (double mark : new double[] {0, 0.5, 1}) {
            pdf.textAt(number(mark).substring(0, 3), PdfCanvas.REGULAR, 6, 8, top + plotH * (1 - (float) mark) - 3);
            pdf.centredAt(number(mark).substring(0, 3), PdfCanvas.REGULAR, 6, left + plotW * (float) mark,
                    top + plotH + 3);
        }
        pdf.centredAt("confidence of the top label", PdfCanvas.REGULAR, 7, left + plotW / 2, top + plotH + 12);
    }

    /** The colour laid over white at this opacity, as the HTML's rgba shades look. */
    private static Color tint(Color colour, double opacity) {
        double a = Math.max(0, Math.min(1, opacity));
        return new Color((int) Math.round(255 - (255 - colour.getRed()) * a),
                (int) Math.round(255 - (255 - colour.getGreen()) * a),
                (int) Math.round(255 - (255 - colour.getBlue()) * a));
    }

    /** The label cut to fit {@code width} points, with "..." where it was cut. */
    private static String shortened(PdfCanvas pdf, String label, float width) throws IOException {
        String shown = pdf.safe(label, PdfCanvas.BOLD);
        if (pdf.textWidth(shown, PdfCanvas.BOLD, 7) <= width) {
            return shown;
        }
        while (shown.length() > 1 && pdf.textWidth(shown + "...", PdfCanvas.BOLD, 7) > width) {
            shown = shown.substring(0, shown.length() - 1);
        }
        return shown + "...";
    }
}
