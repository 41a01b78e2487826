package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.platform.CsvRow;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes outcomes as JSON lines or CSV rows, flushing after each so that a run that is killed keeps every
 * result written so far.
 */
abstract class ResultWriter implements Closeable {
    private final Writer out;
    private final boolean ownsStream;

    private ResultWriter(Writer out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    static ResultWriter open(String format, Path file, List<HeadSpec> heads) throws IOException {
        Writer writer = file == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        ResultWriter result = format.equals("csv") ? new Csv(writer, file != null, heads) : new JsonLines(writer, file != null);
        result.begin();
        return result;
    }

    void begin() throws IOException {}

    abstract String render(AnalysisOutcome outcome);

    final void write(AnalysisOutcome outcome) throws IOException {
        out.write(render(outcome));
        out.write('\n');
        out.flush();
    }

    final void writeLine(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
        if (ownsStream) {
            out.close();
        }
    }

    /** One JSON object per line: the Haski contract plus provenance, or an error object. */
    private static final class JsonLines extends ResultWriter {
        JsonLines(Writer out, boolean owns) {
            super(out, owns);
        }

        @Override
        String render(AnalysisOutcome outcome) {
            return ResultJson.toLine(outcome);
        }
    }

    /**
     * One row per file, a label and confidence column per head, provenance, the quality verdict and the codes of its
     * problems, and error columns. Text cells are
     * neutralised against formula injection ({@link CsvRow}); the confidences stay numbers.
     */
    private static final class Csv extends ResultWriter {
        private final List<HeadSpec> heads;

        Csv(Writer out, boolean owns, List<HeadSpec> heads) {
            super(out, owns);
            this.heads = heads;
        }

        @Override
        void begin() throws IOException {
            List<String> header = new ArrayList<>(List.of("file"));
            for (HeadSpec head : heads) {
                header.add(head.name());
                header.add(head.name() + "_confidence");
            }
            header.addAll(List.of("conditions_detected", "model_id", "model_version", "model_type", "model_sha256",
                    "runtime", "quality", "quality_problems", "warnings", "error_code", "error_message", "region",
                    "region_source"));
            writeLine(CsvRow.of(header));
        }

        @Override
        String render(AnalysisOutcome outcome) {
            CsvRow row = CsvRow.create().text(outcome.file().toString());
            if (outcome instanceof Analysis analysis) {
                for (HeadSpec spec : heads) {
                    HeadResult head = analysis.head(spec.name()).orElseThrow();
                    row.text(head.topLabel()).number(String.format(Locale.ROOT, "%.6f", head.topProbability()));
                }
                var p = analysis.provenance();
                row.texts(List.of(String.join(";", analysis.conditionsDetected()), p.modelId(), p.modelVersion(),
                        p.format(), p.modelSha256(), p.runtime() + " " + p.runtimeVersion(),
                        analysis.quality().map(q -> q.verdict()).orElse(""),
                        analysis.quality().map(q -> q.codes()).orElse(""),
                        String.join("; ", analysis.warnings()), "", "", analysis.region().toText(),
                        analysis.region().source().id()));
            } else {
                AnalysisFailure failure = (AnalysisFailure) outcome;
                row.empty(heads.size() * 2 + 9);
                row.text(failure.code()).text(failure.message()).empty(2);
            }
            return row.line();
        }
    }
}
