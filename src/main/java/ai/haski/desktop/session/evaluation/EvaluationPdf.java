package ai.haski.desktop.session.evaluation;

import static ai.haski.desktop.session.evaluation.Html.number;

import ai.haski.desktop.session.ModelKey;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The PDF form of an evaluation, with the HTML report's content in the same order: the header (models, truth, blind
 * or not, when, how many), the plain-language note, per model and head the reading in sentences, the numbers, the
 * confusion heat map, the per-label table and bars and the reliability diagram; the reviewers' agreement and what was
 * left out of the truth. Numbers are rounded as in the HTML report. For printing and archiving: the file needs
 * nothing beside itself (the standard Helvetica every reader has, the charts as vectors).
 */
public final class EvaluationPdf {
    private static final Pattern MARKUP = Pattern.compile("<[^>]+>");

    private EvaluationPdf() {}

    /** The document, dated {@code written}. */
    public static byte[] bytes(EvaluationReport report, Instant written) throws IOException {
        try (PdfCanvas pdf = new PdfCanvas()) {
            info(pdf.document().getDocumentInformation(), report, written);
            pdf.paragraph("How the model did on these photos", PdfCanvas.BOLD, 18, 0);
            pdf.skip(6);
            header(pdf, report, written);
            heading(pdf, "What these numbers do and do not show", 13);
            for (String item : EvaluationNotes.generalItems(report.truth())) {
                pdf.paragraph("- " + MARKUP.matcher(item).replaceAll(""), PdfCanvas.REGULAR, 9, 8);
            }
            for (ModelEvaluation model : report.models()) {
                heading(pdf, model.model().describe(), 14);
                for (HeadEvaluation head : model.heads()) {
                    head(pdf, head);
                }
            }
            agreement(pdf, report.agreement());
            if (!report.truth().problems().isEmpty()) {
                heading(pdf, "Left out of the truth", 13);
                for (String problem : report.truth().problems()) {
                    pdf.paragraph("- " + problem, PdfCanvas.REGULAR, 8, 8);
                }
            }
            return pdf.bytes();
        }
    }

    private static void info(PDDocumentInformation info, EvaluationReport report, Instant written) {
        info.setTitle("Haski evaluation: " + String.join(", ", report.models().stream()
                .map(m -> m.model().modelId() + " " + m.model().modelVersion()).toList()));
        info.setCreator("Haski Desktop");
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        when.setTimeInMillis(written.toEpochMilli());
        info.setCreationDate(when);
    }

    private static void header(PdfCanvas pdf, EvaluationReport report, Instant written) throws IOException {
        for (ModelEvaluation model : report.models()) {
            ModelKey key = model.model();
            fact(pdf, "Model", key.modelId() + " version " + key.modelVersion());
            fact(pdf, "Weights SHA-256", key.sha256());
            fact(pdf, "Format and runtime", key.format() + (model.runtimes().isEmpty() ? ""
                    : ", " + String.join("; ", model.runtimes())));
        }
        GroundTruth truth = report.truth();
        fact(pdf, "Truth", EvaluationHtml.truthText(truth));
        fact(pdf, "Blind", EvaluationHtml.blindText(truth));
        fact(pdf, "Photos with a truth", truth.labels().size() + (truth.problems().isEmpty() ? ""
                : "; " + truth.problems().size() + " rows or cells left out (listed at the end)"));
        fact(pdf, "Written", written.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
                .replace("Z", " UTC"));
    }

    private static void head(PdfCanvas pdf, HeadEvaluation head) throws IOException {
        heading(pdf, head.head(), 12);
        pdf.paragraph(EvaluationNotes.reading(head), PdfCanvas.REGULAR, 9, 0);
        pdf.skip(4);
        fact(pdf, "photos (n)", Long.toString(head.n()));
        fact(pdf, "correct", Long.toString(head.correct()));
        fact(pdf, "accuracy", number(head.accuracy()) + head.accuracyCi95().map(ci -> "   95 % interval ["
                + number(ci.lower()) + ", " + number(ci.upper()) + "]").orElse(""));
        fact(pdf, "macro-F1", number(head.macroF1()));
        fact(pdf, "Cohen's kappa", number(head.kappa()));
        fact(pdf, "ECE", number(head.ece()));
        fact(pdf, "with a truth but no result", Integer.toString(head.withoutResult().size()));
        if (!head.truthNotALabel().isEmpty()) {
            fact(pdf, "truth not one of the model's labels", Integer.toString(head.truthNotALabel().size()));
        }
        pdf.skip(6);
        PdfCharts.confusion(pdf, head);
        pdf.skip(6);
        perClassTable(pdf, head);
        if (head.n() > 0) {
            // As in the HTML report: with no photo measured the bars and the diagram would show only "undefined".
            pdf.skip(6);
            PdfCharts.perClass(pdf, head);
            pdf.skip(6);
            PdfCharts.reliability(pdf, head);
        }
        files(pdf, "Photos with a truth but no result", head.withoutResult());
        files(pdf, "Photos whose truth is not one of the model's labels", head.truthNotALabel());
    }

    private static void perClassTable(PdfCanvas pdf, HeadEvaluation head) throws IOException {
        float[] columns = {0, 120, 180, 240, 300};
        String[] titles = {"label", "precision", "recall", "F1", "support"};
        pdf.block(12);
        for (int c = 0; c < titles.length; c++) {
            pdf.textAt(titles[c], PdfCanvas.BOLD, 8, columns[c], 0);
        }
        for (ClassMetrics metrics : head.perClass()) {
            pdf.block(11);
            String[] cells = {metrics.label(), number(metrics.precision()), number(metrics.recall()),
                number(metrics.f1()), Long.toString(metrics.support())};
            for (int c = 0; c < cells.length; c++) {
                pdf.textAt(cells[c], PdfCanvas.REGULAR, 8, columns[c], 0);
            }
        }
    }

    private static void agreement(PdfCanvas pdf, List<HeadAgreement> heads) throws IOException {
        if (heads.isEmpty()) {
            return;
        }
        heading(pdf, "How far the reviewers agree with each other", 13);
        pdf.paragraph("This compares reviewers with each other, not with a model: a model cannot be measured more "
                + "finely than its readers agree.", PdfCanvas.REGULAR, 9, 0);
        for (HeadAgreement head : heads) {
            OptionalDouble kappa = head.kappa();
            fact(pdf, head.head(), "reviewers " + String.join(", ", head.reviewers()) + "; method "
                    + head.method().orElse("none") + "; photos read twice or more " + head.photos() + "; unanimous "
                    + head.unanimous() + "; kappa " + number(kappa));
            for (HeadAgreement.Disagreement photo : head.disagreements()) {
                StringBuilder labels = new StringBuilder();
                for (Map.Entry<String, String> entry : photo.labels().entrySet()) {
                    labels.append(labels.isEmpty() ? "" : ", ").append(entry.getKey()).append(": ")
                            .append(entry.getValue());
                }
                pdf.paragraph("- " + photo.file() + ": " + labels, PdfCanvas.REGULAR, 8, 16);
            }
        }
    }

    private static void files(PdfCanvas pdf, String title, List<String> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        pdf.paragraph(title + " (" + files.size() + "): " + String.join(", ", files), PdfCanvas.REGULAR, 8, 0);
    }

    private static void heading(PdfCanvas pdf, String text, float size) throws IOException {
        pdf.ensure(size * 3);
        pdf.skip(size * 0.6f);
        pdf.paragraph(text, PdfCanvas.BOLD, size, 0);
        pdf.skip(2);
    }

    private static void fact(PdfCanvas pdf, String name, String value) throws IOException {
        pdf.paragraph(name + ":  " + value, PdfCanvas.REGULAR, 9, 0);
    }
}
