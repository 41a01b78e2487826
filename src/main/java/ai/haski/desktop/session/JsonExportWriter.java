package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.platform.AppVersion;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON export: the session's facts, then one object per photo holding every model's result (the Haski contract
 * JSON with its provenance, plus when and by which app version it was made) and the review: current verdicts, flag
 * and note, and their whole history. Streamed, so a large session never has to fit in memory.
 */
final class JsonExportWriter implements ExportWriter {
    /** Bumped when a reader of the export would need to change. */
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonGenerator json;

    JsonExportWriter(OutputStream out) throws IOException {
        this.json = MAPPER.getFactory().createGenerator(out).useDefaultPrettyPrinter();
        // The stream belongs to the atomic writer, which forces it to disk before closing it.
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void begin(SessionInfo session, List<String> heads) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", "haski-session-export");
        json.writeNumberField("format_version", FORMAT_VERSION);
        json.writeStringField("exported_at", Timestamps.format(Timestamps.now()));
        json.writeStringField("app_version", AppVersion.get());
        json.writeObjectFieldStart("session");
        json.writeStringField("folder", session.root().toString());
        json.writeStringField("file", session.file().toString());
        json.writeStringField("created_at", Timestamps.format(session.createdAt()));
        json.writeStringField("created_by_app", session.createdByApp());
        json.writeNumberField("schema_version", session.schemaVersion());
        json.writeEndObject();
        json.writeArrayFieldStart("photos");
    }

    @Override
    public void write(ExportedPhoto photo) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", photo.photo().relativePath());
        json.writeStringField("state", photo.photo().state().dbValue());
        json.writeNumberField("size_bytes", photo.photo().sizeBytes());
        json.writeArrayFieldStart("results");
        for (StoredResult result : photo.results()) {
            ObjectNode outcome = result.outcome();
            if (!result.succeeded()) {
                // A failure's stored JSON is just the error; add the provenance of the run that met it.
                outcome.put("model_id", result.model().modelId());
                outcome.put("model_version", result.model().modelVersion());
                outcome.put("model_type", result.model().format());
                outcome.put("model_sha256", result.model().sha256());
                ObjectNode backend = outcome.putObject("backend");
                backend.put("runtime", result.runtime());
                backend.put("version", result.runtimeVersion());
            }
            outcome.put("result_id", result.analysisId());
            outcome.put("analysed_at", Timestamps.format(result.analysedAt()));
            outcome.put("app_version", result.appVersion());
            json.writeTree(outcome);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("review");
        json.writeStringField("state", photo.reviewState().name().toLowerCase(Locale.ROOT));
        json.writeObjectFieldStart("verdicts");
        for (Map.Entry<String, Verdict> entry : photo.currentVerdicts().entrySet()) {
            json.writeFieldName(entry.getKey());
            verdict(entry.getValue());
        }
        json.writeEndObject();
        Optional<Flag> flag = photo.currentFlag();
        json.writeFieldName("flag");
        if (flag.isPresent()) {
            flag(flag.get());
        } else {
            json.writeNull();
        }
        Optional<Note> note = photo.currentNote();
        json.writeFieldName("note");
        if (note.isPresent()) {
            note(note.get());
        } else {
            json.writeNull();
        }
        json.writeObjectFieldStart("history");
        json.writeArrayFieldStart("verdicts");
        for (Verdict verdict : photo.verdicts()) {
            verdict(verdict);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("flags");
        for (Flag each : photo.flags()) {
            flag(each);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notes");
        for (Note each : photo.notes()) {
            note(each);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    private void verdict(Verdict verdict) throws IOException {
        json.writeStartObject();
        json.writeStringField("head", verdict.head());
        json.writeStringField("action", verdict.action().dbValue());
        json.writeStringField("label", verdict.label());
        json.writeStringField("reviewer", verdict.reviewer());
        json.writeStringField("at", Timestamps.format(verdict.at()));
        json.writeStringField("app_version", verdict.appVersion());
        if (verdict.analysisId().isPresent()) {
            json.writeNumberField("result_id", verdict.analysisId().getAsLong());
        }
        if (verdict.region().isPresent()) {
            Region region = verdict.region().get();
            json.writeObjectFieldStart("region");
            json.writeNumberField("x", region.x());
            json.writeNumberField("y", region.y());
            json.writeNumberField("width", region.width());
            json.writeNumberField("height", region.height());
            json.writeStringField("source", region.source().id());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void flag(Flag flag) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("flagged", flag.flagged());
        json.writeStringField("reason", flag.reason());
        json.writeStringField("reviewer", flag.reviewer());
        json.writeStringField("at", Timestamps.format(flag.at()));
        json.writeEndObject();
    }

    private void note(Note note) throws IOException {
        json.writeStartObject();
        json.writeStringField("text", note.text());
        json.writeStringField("reviewer", note.reviewer());
        json.writeStringField("at", Timestamps.format(note.at()));
        json.writeEndObject();
    }
}
