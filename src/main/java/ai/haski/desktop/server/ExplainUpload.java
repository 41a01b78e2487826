package ai.haski.desktop.server;

import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ExplainJson;
import ai.haski.desktop.analysis.ExplainOutcome;
import ai.haski.desktop.analysis.ExplainProgress;
import ai.haski.desktop.analysis.ExplainRequest;
import ai.haski.desktop.analysis.RegionRequest;
import ai.haski.desktop.analysis.Explanation;
import ai.haski.desktop.analysis.ExplanationCache;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.ModelManifest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;

/**
 * {@code POST /api/v1/analyze/explain}: the photo in the multipart field {@code file}, with optional fields
 * {@code head}, {@code label}, {@code grid} and {@code region}; the answer is exactly the JSON {@code explain} writes. Runs on an
 * analysis thread, after the whole body has arrived, like an analysis.
 *
 * <p>Maps are cached by the upload's SHA-256: an upload has no lasting path, and a client that toggles an overlay
 * sends the same bytes again.
 */
final class ExplainUpload {
    /** A form field holds a name or a number; anything longer is not one. */
    private static final int MAX_FIELD_CHARS = 256;

    private final UploadFolder uploads;
    private final ServerStats stats;
    private final ExplanationCache cache = new ExplanationCache(ExplanationCache.DEFAULT_CAPACITY);

    ExplainUpload(UploadFolder uploads, ServerStats stats) {
        this.uploads = uploads;
        this.stats = stats;
    }

    void run(Exchange exchange, Analyzer analyzer, MultiPartFormData.Parts parts) throws ApiException, IOException {
        try (parts) {
            MultiPart.Part part = parts.getFirst("file");
            if (part == null) {
                throw new ApiException(new ApiError(400, "BAD_REQUEST",
                        "the multipart body has no field named 'file'"));
            }
            ExplainRequest request = request(parts, analyzer.model().manifest());
            Path name = Path.of(UploadName.of(part.getFileName()));
            Path saved = uploads.newFile();
            try {
                part.writeTo(saved);
                ExplanationCache.Photo photo = ExplanationCache.Photo.ofContent(sha256(saved));
                // A request the deadline has already answered stops between runs rather than finishing unseen.
                ExplainOutcome outcome = cache.explain(photo, analyzer.provenance(), name, request,
                        () -> renamed(analyzer.explain(saved, request, ExplainProgress.NONE, exchange::isAnswered),
                                name));
                answer(exchange, outcome);
            } finally {
                uploads.delete(saved);
            }
        }
    }

    /** The request the form asks for, each field checked against the served model before any work. */
    static ExplainRequest request(MultiPartFormData.Parts parts, ModelManifest manifest) throws ApiException {
        Optional<String> head = field(parts, "head");
        Optional<String> label = field(parts, "label");
        HeadSpec chosen = manifest.heads().get(0);
        if (head.isPresent()) {
            chosen = manifest.heads().stream().filter(h -> h.name().equals(head.get())).findFirst()
                    .orElseThrow(() -> new ApiException(new ApiError(400, "UNKNOWN_HEAD", "the model has no head '"
                            + LogText.escape(head.get()) + "'; its heads: " + String.join(", ",
                            manifest.heads().stream().map(HeadSpec::name).toList()))));
        }
        if (label.isPresent() && !chosen.labels().contains(label.get())) {
            throw new ApiException(new ApiError(400, "UNKNOWN_LABEL", "head " + chosen.name() + " has no label '"
                    + LogText.escape(label.get()) + "'; its labels: " + String.join(", ", chosen.labels())));
        }
        int grid = ExplainRequest.DEFAULT_GRID;
        Optional<String> gridText = field(parts, "grid");
        try {
            if (gridText.isPresent()) {
                grid = Integer.parseInt(gridText.get().strip());
            }
            return ExplainRequest.defaults().withHead(head).withLabel(label).withGrid(grid)
                    .withRegion(region(parts));
        } catch (IllegalArgumentException e) {
            // NumberFormatException is one too: "abc" and "0" are the same mistake to the client.
            throw new ApiException(new ApiError(400, "BAD_GRID", "grid must be a whole number from 1 to "
                    + ExplainRequest.MAX_GRID + ", found '" + LogText.escape(gridText.orElse("")) + "'"));
        }
    }

    /**
     * The optional form field {@code region}: X,Y,W,H in upright pixels or {@code face}, as {@code analyze --region}
     * takes it; the whole photo without it.
     */
    static RegionRequest region(MultiPartFormData.Parts parts) throws ApiException {
        Optional<String> text = ExplainUpload.field(parts, "region");
        if (text.isEmpty()) {
            return RegionRequest.WHOLE;
        }
        try {
            return RegionRequest.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new ApiException(new ApiError(400, "BAD_REGION", LogText.escape(e.getMessage())));
        }
    }

    /** A short text form field, or empty when absent or empty; refused when longer than a name or number can be. */
    static Optional<String> field(MultiPartFormData.Parts parts, String name) throws ApiException {
        MultiPart.Part part = parts.getFirst(name);
        if (part == null) {
            return Optional.empty();
        }
        String value = part.getContentAsString(StandardCharsets.UTF_8);
        if (value.length() > MAX_FIELD_CHARS) {
            throw new ApiException(new ApiError(400, "BAD_REQUEST", "the field '" + name + "' is longer than "
                    + MAX_FIELD_CHARS + " characters"));
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static byte[] sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reports the client's own file name rather than the server's temporary copy. */
    private static ExplainOutcome renamed(ExplainOutcome outcome, Path name) {
        if (outcome instanceof Explanation e) {
            return e.withFile(name);
        }
        AnalysisFailure f = (AnalysisFailure) outcome;
        String message = f.message().replace(f.file().getFileName().toString(), name.getFileName().toString());
        return new AnalysisFailure(name, f.code(), message);
    }

    private void answer(Exchange exchange, ExplainOutcome outcome) {
        if (outcome instanceof AnalysisFailure failure) {
            stats.failed.incrementAndGet();
            ObjectNode json = ResultJson.toJson(failure);
            json.remove("file");
            exchange.answer(ApiError.statusForFailure(failure.code()), json);
            return;
        }
        stats.analysed.incrementAndGet();
        exchange.answer(200, ExplainJson.toJson((Explanation) outcome));
    }
}
