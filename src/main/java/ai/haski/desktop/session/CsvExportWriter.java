package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Region;
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
 * columns per head, provenance, the photo quality, the current verdict, flag and note, the region, and the faces and
 * skin tone. RFC 4180 quoting, UTF-8. Every text cell is neutralised against formula injection ({@link CsvRow}); the
 * confidences are numbers and stay so. The JSON export keeps the exact text.
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
        header.addAll(List.of("conditions_detected", "error_code", "error_message", "warnings", "quality",
                "quality_problems"));
        for (String head : heads) {
            header.addAll(List.of(head + "_verdict", head + "_reviewed_label", head + "_reviewer",
                    head + "_reviewed_at"));
        }
        header.addAll(List.of("flagged", "flag_reason", "flag_reviewer", "note", "note_reviewer", "note_at"));
        header.addAll(List.of("region", "region_source"));
        header.addAll(List.of("faces", "skin_tone_ita", "skin_tone_group"));
        row(CsvRow.of(header));
    }

    @Override
    public void write(ExportedPhoto photo) throws IOException {
        if (photo.results().isEmpty()) {
            row(line(photo, Optional.empty()));
        }
        for (StoredResult result : photo.results()) {
            row(line(photo, Optional.of(result)));
        }
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    private String line(ExportedPhoto photo, Optional<StoredResult> maybe) {
        CsvRow row = CsvRow.create().texts(List.of(photo.photo().relativePath(),
                photo.photo().state().dbValue(), photo.reviewState().name().toLowerCase(Locale.ROOT)));
        if (maybe.isPresent()) {
            StoredResult result = maybe.get();
            ModelKey model = result.model();
            row.texts(List.of(model.modelId(), model.modelVersion(), model.format(), model.sha256(),
                    result.runtime(), result.runtimeVersion(), result.appVersion(),
                    Timestamps.format(result.analysedAt())));
            for (String head : heads) {
                Optional<HeadSummary> summary = result.head(head);
                if (summary.isPresent()) {
                    row.text(summary.get().topLabel())
                            .number(String.format(Locale.ROOT, "%.6f", summary.get().topProbability()));
                } else {
                    row.empty(2);
                }
            }
            ObjectNode outcome = result.outcome();
            row.text(joined(outcome.path("conditions_detected"), ";"));
            row.text(result.errorCode().orElse(""));
            row.text(result.errorMessage().orElse(""));
            row.text(joined(outcome.path("warnings"), "; "));
            row.text(result.qualityVerdict().orElse(""));
            row.text(String.join(";", result.qualityProblems()));
        } else {
            row.empty(8 + heads.size() * 2 + 6);
        }
        Map<String, Verdict> verdicts = photo.currentVerdicts();
        for (String head : heads) {
            Verdict verdict = verdicts.get(head);
            if (verdict == null) {
                row.empty(4);
            } else {
                row.texts(List.of(verdict.action().dbValue(), verdict.label(), verdict.reviewer(),
                        Timestamps.format(verdict.at())));
            }
        }
        Optional<Flag> flag = photo.currentFlag();
        row.text(flag.isPresent() ? "yes" : "no");
        row.text(flag.map(Flag::reason).orElse(""));
        row.text(flag.map(Flag::reviewer).orElse(""));
        Optional<Note> note = photo.currentNote();
        row.text(note.map(Note::text).orElse(""));
        row.text(note.map(Note::reviewer).orElse(""));
        row.text(note.map(n -> Timestamps.format(n.at())).orElse(""));
        // The region of the result on this row, X,Y,W,H in upright pixels; empty for a failure or no result.
        Optional<Region> region = maybe.flatMap(StoredResult::region);
        row.text(region.map(Region::toText).orElse(""));
        row.text(region.map(r -> r.source().id()).orElse(""));
        faceCells(row, maybe.map(StoredResult::outcome));
        return row.line();
    }

    /**
     * The number of faces found (empty when no face detector ran) and the skin tone estimate's angle and group
     * (empty when there was none), from the stored result JSON.
     */
    private static void faceCells(CsvRow row, Optional<ObjectNode> outcome) {
        JsonNode faces = outcome.map(o -> o.path("faces")).orElse(null);
        if (faces != null && faces.isArray()) {
            row.number(Integer.toString(faces.size()));
        } else {
            row.empty(1);
        }
        JsonNode tone = outcome.map(o -> o.path("skin_tone")).orElse(null);
        if (tone != null && tone.isObject()) {
            row.number(String.format(Locale.ROOT, "%.2f", tone.path("ita_degrees").asDouble()));
            row.text(tone.path("group").asText());
        } else {
            row.empty(2);
        }
    }

    private static String joined(JsonNode array, String separator) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return String.join(separator, values);
    }

    /** One RFC 4180 row; rows end in CRLF, as the RFC and spreadsheet programs expect. */
    private void row(String line) throws IOException {
        out.write(line);
        out.write("\r\n");
    }
}
