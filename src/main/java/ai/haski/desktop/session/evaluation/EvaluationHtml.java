package ai.haski.desktop.session.evaluation;

import static ai.haski.desktop.session.evaluation.Html.escape;
import static ai.haski.desktop.session.evaluation.Html.number;

import ai.haski.desktop.session.ModelKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The HTML form of an evaluation: one self-contained file to open in any browser, send or archive, with the same
 * numbers as the JSON report (to three decimals), the pictures drawn inline, and a note on what the numbers mean.
 *
 * <p>Why no external resource at all (no script, stylesheet, font or image link): the report may be read offline,
 * years later, or on a machine that must not call out; and a page that loads nothing cannot leak that it was opened.
 * The markup is also well-formed XML, so a test can read it back with a standard parser.
 *
 * <p>Each shown statistic carries {@code data-key="m<model>/<head>/<statistic>"} so a reader (or a test) can match
 * it to the JSON report.
 */
public final class EvaluationHtml {
    private EvaluationHtml() {}

    /** The page, dated {@code written} (the report says when it was made). */
    public static byte[] bytes(EvaluationReport report, Instant written) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width\"/>")
                .append("<title>").append(escape(title(report))).append("</title>\n<style>")
                .append(STYLE).append("</style></head>\n<body>\n<h1>How the model did on these photos</h1>\n");
        header(html, report, written);
        EvaluationNotes.general(html, report.truth());
        for (int m = 0; m < report.models().size(); m++) {
            ModelEvaluation model = report.models().get(m);
            html.append("<section class=\"model\"><h2>").append(escape(model.model().describe())).append("</h2>\n");
            for (HeadEvaluation head : model.heads()) {
                head(html, "m" + m + "/" + head.head() + "/", head);
            }
            html.append("</section>\n");
        }
        agreement(html, report.agreement());
        problems(html, report.truth().problems());
        html.append("</body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String title(EvaluationReport report) {
        return "Haski evaluation: " + String.join(", ", report.models().stream()
                .map(m -> m.model().modelId() + " " + m.model().modelVersion()).toList());
    }

    private static void header(StringBuilder html, EvaluationReport report, Instant written) {
        html.append("<table class=\"facts\">\n");
        for (ModelEvaluation model : report.models()) {
            ModelKey key = model.model();
            fact(html, "Model", escape(key.modelId()) + " version " + escape(key.modelVersion()));
            fact(html, "Weights SHA-256", "<code>" + escape(key.sha256()) + "</code>");
            fact(html, "Format and runtime", escape(key.format()) + (model.runtimes().isEmpty() ? ""
                    : ", " + escape(String.join("; ", model.runtimes()))));
        }
        GroundTruth truth = report.truth();
        fact(html, "Truth", escape(truthText(truth)));
        fact(html, "Blind", blindText(truth));
        fact(html, "Photos with a truth", "<span data-key=\"truth/photos\">" + truth.labels().size() + "</span>"
                + (truth.problems().isEmpty() ? "" : "; " + truth.problems().size()
                        + " rows or cells left out (<a href=\"#problems\">listed below</a>)"));
        fact(html, "Written", written.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
                .replace("Z", " UTC"));
        html.append("</table>\n");
    }

    /** Where the truth came from, in words: "the session's verdicts; rule: latest". */
    static String truthText(GroundTruth truth) {
        StringBuilder source = new StringBuilder(truth.source().equals("labels") ? "a labels file"
                : "the session's verdicts");
        truth.details().forEach((name, value) -> source.append("; ").append(name).append(": ").append(value));
        return source.toString();
    }

    /** Whether the truth was collected blind, and why it matters. */
    static String blindText(GroundTruth truth) {
        return truth.source().equals("labels")
                ? "not known: Haski cannot tell whether the labels file was made without seeing a model's answer"
                : "only".equals(truth.details().get("blind"))
                ? "yes: only verdicts given in blinded reading, before the reviewer was shown the model's answer"
                : "no: the reviewers saw the model's answer, and an accepted verdict is the model's own label, "
                        + "which favours this model";
    }

    private static void head(StringBuilder html, String key, HeadEvaluation head) {
        html.append("<section class=\"head\"><h3>").append(escape(head.head())).append("</h3>\n");
        EvaluationNotes.head(html, head);
        html.append("<table class=\"numbers\">\n");
        row(html, "photos (n)", key + "n", Long.toString(head.n()));
        row(html, "correct", key + "correct", Long.toString(head.correct()));
        String interval = head.accuracyCi95().map(ci -> " <span class=\"ci\">95 % interval [<span data-key=\""
                + escape(key + "accuracy_ci95/0") + "\">" + number(ci.lower()) + "</span>, <span data-key=\""
                + escape(key + "accuracy_ci95/1") + "\">" + number(ci.upper()) + "</span>]</span>").orElse("");
        html.append("<tr><th>accuracy</th><td><span data-key=\"").append(escape(key + "accuracy")).append("\">")
                .append(number(head.accuracy())).append("</span>").append(interval).append("</td></tr>\n");
        row(html, "macro-F1", key + "macro_f1", number(head.macroF1()));
        row(html, "Cohen's kappa", key + "kappa", number(head.kappa()));
        row(html, "ECE", key + "ece", number(head.ece()));
        row(html, "with a truth but no result", key + "without_result", Integer.toString(head.withoutResult().size()));
        if (!head.truthNotALabel().isEmpty()) {
            row(html, "truth not one of the model's labels", key + "truth_not_a_label",
                    Integer.toString(head.truthNotALabel().size()));
        }
        html.append("</table>\n<div class=\"charts\"><div>");
        EvaluationCharts.confusion(html, key, head);
        perClassTable(html, key, head);
        html.append("</div><div>");
        if (head.n() > 0) {
            // With no photo measured the bars would all read "undefined" and the diagram be empty: only noise.
            EvaluationCharts.perClass(html, head);
            EvaluationCharts.reliability(html, head);
        }
        html.append("</div></div>\n");
        files(html, "Photos with a truth but no result", head.withoutResult());
        files(html, "Photos whose truth is not one of the model's labels", head.truthNotALabel());
        html.append("</section>\n");
    }

    private static void perClassTable(StringBuilder html, String key, HeadEvaluation head) {
        html.append("<table class=\"per-class\"><caption>Per label</caption>\n<tr><th>label</th><th>precision</th>"
                + "<th>recall</th><th>F1</th><th>support</th></tr>\n");
        for (ClassMetrics metrics : head.perClass()) {
            String prefix = key + "per_class/" + metrics.label() + "/";
            html.append("<tr><th scope=\"row\">").append(escape(metrics.label())).append("</th>");
            cell(html, prefix + "precision", metrics.precision());
            cell(html, prefix + "recall", metrics.recall());
            cell(html, prefix + "f1", metrics.f1());
            html.append("<td data-key=\"").append(escape(prefix + "support")).append("\">").append(metrics.support())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void agreement(StringBuilder html, List<HeadAgreement> heads) {
        if (heads.isEmpty()) {
            return;
        }
        html.append("<section id=\"agreement\"><h2>How far the reviewers agree with each other</h2>\n<p>This compares "
                + "reviewers with each other, not with a model: a model cannot be measured more finely than its "
                + "readers agree.</p>\n<table class=\"numbers\"><tr><th>head</th><th>reviewers</th><th>method</th>"
                + "<th>photos read twice or more</th><th>unanimous</th><th>kappa</th></tr>\n");
        for (HeadAgreement head : heads) {
            String key = "agreement/" + head.head() + "/";
            html.append("<tr><th scope=\"row\">").append(escape(head.head())).append("</th><td>")
                    .append(escape(String.join(", ", head.reviewers()))).append("</td><td>")
                    .append(escape(head.method().orElse("none"))).append("</td><td data-key=\"")
                    .append(escape(key + "photos")).append("\">").append(head.photos()).append("</td><td data-key=\"")
                    .append(escape(key + "unanimous")).append("\">").append(head.unanimous()).append("</td>");
            cell(html, key + "kappa", head.kappa());
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        for (HeadAgreement head : heads) {
            if (head.disagreements().isEmpty()) {
                continue;
            }
            html.append("<details><summary>").append(escape(head.head())).append(": ")
                    .append(head.disagreements().size()).append(" photos the reviewers labelled differently")
                    .append("</summary><ul>\n");
            for (HeadAgreement.Disagreement photo : head.disagreements()) {
                StringBuilder labels = new StringBuilder();
                for (Map.Entry<String, String> entry : photo.labels().entrySet()) {
                    labels.append(labels.isEmpty() ? "" : ", ").append(entry.getKey()).append(": ")
                            .append(entry.getValue());
                }
                html.append("<li><code>").append(escape(photo.file())).append("</code>: ")
                        .append(escape(labels.toString())).append("</li>\n");
            }
            html.append("</ul></details>\n");
        }
        html.append("</section>\n");
    }

    private static void problems(StringBuilder html, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        html.append("<section id=\"problems\"><h2>Left out of the truth</h2>\n<ul>\n");
        problems.forEach(problem -> html.append("<li>").append(escape(problem)).append("</li>\n"));
        html.append("</ul></section>\n");
    }

    private static void files(StringBuilder html, String title, List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        html.append("<details><summary>").append(escape(title)).append(" (").append(files.size())
                .append(")</summary><ul>\n");
        files.forEach(file -> html.append("<li><code>").append(escape(file)).append("</code></li>\n"));
        html.append("</ul></details>\n");
    }

    private static void fact(StringBuilder html, String name, String markup) {
        html.append("<tr><th scope=\"row\">").append(name).append("</th><td>").append(markup).append("</td></tr>\n");
    }

    private static void row(StringBuilder html, String name, String key, String value) {
        html.append("<tr><th>").append(name).append("</th><td data-key=\"").append(escape(key)).append("\">")
                .append(value).append("</td></tr>\n");
    }

    private static void cell(StringBuilder html, String key, OptionalDouble value) {
        html.append("<td data-key=\"").append(escape(key)).append("\">").append(number(value)).append("</td>");
    }

    /** System fonts only: a font file would be a resource to load or to embed. */
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1100px;\
            padding:0 16px;color:#1d1d1f;line-height:1.4}
            h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}h3{margin-bottom:.3em}
            table{border-collapse:collapse;margin:.5em 0}th,td{padding:3px 8px;text-align:left;vertical-align:top}
            table.facts th{color:#555;font-weight:600}table.facts td{word-break:break-all}
            table.numbers td,table.per-class td{font-variant-numeric:tabular-nums}
            table.numbers th,table.per-class th{font-weight:600;color:#333}
            table.numbers tr,table.per-class tr{border-bottom:1px solid #eee}
            caption{text-align:left;font-size:.9em;color:#555;padding-bottom:4px}
            table.confusion td.cell{text-align:center;width:4.5em;border:1px solid #ddd}
table.confusion th[scope=col]{text-align:center;font-size:.9em;word-break:break-word;max-width:6em}
            table.confusion td.diagonal{outline:2px solid #4e79a7;outline-offset:-2px}
            table.confusion td.total{color:#777;text-align:center}th.corner{font-size:.8em;color:#777}
            .note{background:#fff8e6;border:1px solid #f0d58c;padding:4px 16px;margin-top:1em}
            .note h2{border:none}.reading{max-width:60em}.ci{color:#555}.muted{color:#777}
            .charts{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
            svg.chart{display:block;margin:.5em 0}svg text{font-family:inherit}
            svg .small{font-size:10px;fill:#333}svg .label{font-size:12px;fill:#222}
            svg .frame{fill:#fafafa;stroke:#bbb}svg .bin{fill:#4e79a7;fill-opacity:.75}
            svg .mean{stroke:#e15759;stroke-width:2}svg .diagonal{stroke:#e15759;stroke-dasharray:4 3}svg .axis{stroke:#999}
            section.head{border-top:1px dashed #ddd;margin-top:1em}code{font-size:.9em}
            """;
}
