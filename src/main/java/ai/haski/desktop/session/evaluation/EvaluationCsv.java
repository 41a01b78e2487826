package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.platform.CsvRow;
import ai.haski.desktop.session.ModelKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The CSV form of an evaluation, one number per row ("long" form), so any spreadsheet or data-frame tool can filter
 * and pivot it: {@code model_id, model_version, model_sha256, format, head, statistic, label, predicted, value}.
 * Per-class rows name the label; confusion rows name the true label and the predicted one; reliability rows name
 * the bin as {@code (lower,upper]}; reviewer-agreement rows leave the model columns empty. An undefined statistic
 * has an empty value. Numbers are written in full (Java's shortest round-trip form), so nothing is lost.
 */
public final class EvaluationCsv {
    public static final List<String> HEADER = List.of("model_id", "model_version", "model_sha256", "format", "head",
            "statistic", "label", "predicted", "value");

    private EvaluationCsv() {}

    public static byte[] bytes(EvaluationReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (ModelEvaluation model : report.models()) {
            for (HeadEvaluation head : model.heads()) {
                head(csv, model.model(), head);
            }
        }
        for (HeadAgreement agreement : report.agreement()) {
            List<String> blank = List.of("", "", "", "");
            row(csv, blank, agreement.head(), "agreement_method", "", "", agreement.method().orElse(""));
            row(csv, blank, agreement.head(), "agreement_photos", "", "", Long.toString(agreement.photos()));
            row(csv, blank, agreement.head(), "agreement_unanimous", "", "", Long.toString(agreement.unanimous()));
            row(csv, blank, agreement.head(), "agreement_kappa", "", "", number(agreement.kappa()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void head(StringBuilder csv, ModelKey key, HeadEvaluation head) {
        List<String> model = List.of(key.modelId(), key.modelVersion(), key.sha256(), key.format());
        String name = head.head();
        row(csv, model, name, "n", "", "", Long.toString(head.n()));
        row(csv, model, name, "correct", "", "", Long.toString(head.correct()));
        row(csv, model, name, "accuracy", "", "", number(head.accuracy()));
        row(csv, model, name, "accuracy_ci95_lower", "", "",
                head.accuracyCi95().map(ci -> Double.toString(ci.lower())).orElse(""));
        row(csv, model, name, "accuracy_ci95_upper", "", "",
                head.accuracyCi95().map(ci -> Double.toString(ci.upper())).orElse(""));
        row(csv, model, name, "macro_f1", "", "", number(head.macroF1()));
        row(csv, model, name, "kappa", "", "", number(head.kappa()));
        row(csv, model, name, "ece", "", "", number(head.ece()));
        row(csv, model, name, "without_result", "", "", Integer.toString(head.withoutResult().size()));
        for (ClassMetrics metrics : head.perClass()) {
            row(csv, model, name, "precision", metrics.label(), "", number(metrics.precision()));
            row(csv, model, name, "recall", metrics.label(), "", number(metrics.recall()));
            row(csv, model, name, "f1", metrics.label(), "", number(metrics.f1()));
            row(csv, model, name, "support", metrics.label(), "", Long.toString(metrics.support()));
        }
        long[][] matrix = head.confusion().matrix();
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix.length; j++) {
                row(csv, model, name, "confusion", head.labels().get(i), head.labels().get(j),
                        Long.toString(matrix[i][j]));
            }
        }
        for (CalibrationError.Bin bin : head.reliability()) {
            String range = String.format(Locale.ROOT, "(%.4f,%.4f]", bin.lower(), bin.upper());
            row(csv, model, name, "reliability_count", range, "", Long.toString(bin.count()));
            row(csv, model, name, "reliability_accuracy", range, "", number(bin.accuracy()));
            row(csv, model, name, "reliability_confidence", range, "", number(bin.confidence()));
        }
    }

    private static void row(StringBuilder csv, List<String> model, String head, String statistic, String label,
            String predicted, String value) {
        // The value is a number the report formatted (a kappa may be negative): it must stay a number in a spreadsheet.
        CsvRow row = CsvRow.create().texts(model).texts(List.of(head, statistic, label, predicted));
        csv.append((value.isEmpty() ? row.empty(1) : row.number(value)).line()).append("\r\n");
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(CsvRow.of(cells)).append("\r\n");
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? Double.toString(value.getAsDouble()) : "";
    }
}
