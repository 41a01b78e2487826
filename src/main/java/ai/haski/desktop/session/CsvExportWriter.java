package ai.haski.desktop.session;

import ai.haski.desktop.platform.CsvRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV export: one row per photo and model result (one row for a photo no model has analysed), the Haski contract
 * columns per head, provenance, and the current verdict, flag and note. RFC 4180 quoting, UTF-8.
 */
final class CsvExportWriter implements ExportWriter {
    private final Writer out;
    private List<String> heads = List.of();

    CsvExportWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(SessionInfo session, List<String> allHeads) throws IOException {
        this.heads = List.copyOf(allHeads);
        List<String> header = new ArrayList<>(List.of("file", "photo_state", "review_state", "model_id",
                "model_version", "model_type", "model_sha256", "runtime", "runtime_version", "app_version",
                "analysed_at"));
        for (String head : heads) {
            header.add(head);
            header.add(head + "_confidence");
        }
        header.addAll(List.of("conditions_detected", "error_code", "error_message", "warnings"));
        for (String head : heads) {
            header.addAll(List.of(head + "_verdict", head + "_reviewed_label", head + "_reviewer",
                    head + "_reviewed_at"));
        }
        header.addAll(List.of("flagged", "flag_reason", "flag_reviewer", "note", "note_reviewer", "note_at"));
        row(header);
    }

    @Override
    public void write(ExportedPhoto photo) throws IOException {
        if (photo.results().isEmpty()) {
            row(cells(photo, Optional.empty()));
        }
        for (StoredResult result : photo.results()) {
            row(cells(photo, Optional.of(result)));
        }
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    private List<String> cells(ExportedPhoto photo, Optional<StoredResult> maybe) {
        List<String> cells = new ArrayList<>(List.of(photo.photo().relativePath(),
                photo.photo().state().dbValue(), photo.reviewState().name().toLowerCase(Locale.ROOT)));
        if (maybe.isPresent()) {
            StoredResult result = maybe.get();
            ModelKey model = result.model();
            cells.addAll(List.of(model.modelId(), model.modelVersion(), model.format(), model.sha256(),
                    result.runtime(), result.runtimeVersion(), result.appVersion(),
                    Timestamps.format(result.analysedAt())));
            for (String head : heads) {
                Optional<HeadSummary> summary = result.head(head);
                cells.add(summary.map(HeadSummary::topLabel).orElse(""));
                cells.add(summary.map(h -> String.format(Locale.ROOT, "%.6f", h.topProbability())).orElse(""));
            }
            ObjectNode outcome = result.outcome();
            cells.add(joined(outcome.path("conditions_detected"), ";"));
            cells.add(result.errorCode().orElse(""));
            cells.add(result.errorMessage().orElse(""));
            cells.add(joined(outcome.path("warnings"), "; "));
        } else {
            for (int i = 0; i < 8 + heads.size() * 2 + 4; i++) {
                cells.add("");
            }
        }
        Map<String, Verdict> verdicts = photo.currentVerdicts();
        for (String head : heads) {
            Verdict verdict = verdicts.get(head);
            if (verdict == null) {
                cells.addAll(List.of("", "", "", ""));
            } else {
                cells.addAll(List.of(verdict.action().dbValue(), verdict.label(), verdict.reviewer(),
                        Timestamps.format(verdict.at())));
            }
        }
        Optional<Flag> flag = photo.currentFlag();
        cells.add(flag.isPresent() ? "yes" : "no");
        cells.add(flag.map(Flag::reason).orElse(""));
        cells.add(flag.map(Flag::reviewer).orElse(""));
        Optional<Note> note = photo.currentNote();
        cells.add(note.map(Note::text).orElse(""));
        cells.add(note.map(Note::reviewer).orElse(""));
        cells.add(note.map(n -> Timestamps.format(n.at())).orElse(""));
        return cells;
    }

    private static String joined(JsonNode array, String separator) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return String.join(separator, values);
    }

    /** One RFC 4180 row; rows end in CRLF, as the RFC and spreadsheet programs expect. */
    private void row(List<String> cells) throws IOException {
        out.write(CsvRow.of(cells));
        out.write("\r\n");
    }
}
