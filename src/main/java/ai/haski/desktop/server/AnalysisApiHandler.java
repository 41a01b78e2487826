package ai.haski.desktop.server;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ResultJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Haski analysis API: {@code POST /api/v1/analyze/image} (multipart field {@code file}),
 * {@code POST /api/v1/analyze/file} ({@code {"path": ...}}) and {@code GET /api/v1/analyze/health}. Every answer
 * is JSON; results are exactly what {@code analyze} prints, through the same {@link Analyzer}.
 */
final class AnalysisApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisApiHandler.class);
    static final String IMAGE = "/api/v1/analyze/image";
    static final String FILE = "/api/v1/analyze/file";
    static final String HEALTH = "/api/v1/analyze/health";
    /** How long a request waits for a free analysis slot before it is told the server is busy. */
    private static final long QUEUE_WAIT_SECONDS = 30;

    private final ServerSettings settings;
    private final ServedModel model;
    private final PathPolicy paths;
    private final UploadFolder uploads;
    private final Semaphore analysisSlots;
    private final ServerStats stats = new ServerStats();
    private final HealthReport health;

    AnalysisApiHandler(ServerSettings settings, ServedModel model, PathPolicy paths, UploadFolder uploads) {
        this.settings = settings;
        this.model = model;
        this.paths = paths;
        this.uploads = uploads;
        this.analysisSlots = new Semaphore(settings.maxConcurrentAnalyses(), true);
        this.health = new HealthReport(model, stats, paths);
    }

    ServerStats stats() {
        return stats;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        stats.requests.incrementAndGet();
        String path = Request.getPathInContext(request);
        int status;
        try {
            authorise(request);
            status = route(path, request, response, callback);
        } catch (ApiException e) {
            stats.rejected.incrementAndGet();
            status = e.error().status();
            // The body of a refused request may be unread: close the connection so the client does not send its
            // next request into one the server is about to drop.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            drainUnreadBody(request);
            JsonBodies.write(response, callback, e.error());
        }
        LOG.info("{} {} -> {} in {} ms", request.getMethod(), path, status,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
        return true;
    }

    /**
     * Reads and drops what the client is still sending of a refused request (up to the upload limit). Closing a
     * connection with unread data in it makes the system reset it, and a reset can destroy the answer before the
     * client has read it: the client then sees no response at all instead of the 401 or 413 that says why.
     */
    private void drainUnreadBody(Request request) {
        byte[] buffer = new byte[16 * 1024];
        long drained = 0;
        try {
            InputStream body = Content.Source.asInputStream(request);
            for (int n = body.read(buffer); n >= 0 && drained <= settings.maxUploadBytes(); n = body.read(buffer)) {
                drained += n;
            }
        } catch (IOException | RuntimeException e) {
            // The connection is being closed anyway; the answer is still written.
        }
    }

    private int route(String path, Request request, Response response, Callback callback) throws ApiException {
        String method = request.getMethod();
        switch (path) {
            case HEALTH -> {
                requireMethod(method, "GET");
                JsonBodies.write(response, callback, 200, health.toJson());
                return 200;
            }
            case IMAGE -> {
                requireMethod(method, "POST");
                return answer(analyseUpload(request), response, callback);
            }
            case FILE -> {
                requireMethod(method, "POST");
                Path file = paths.resolve(readPath(request));
                return answer(analyse(file), response, callback);
            }
            default -> throw new ApiException(new ApiError(404, "NOT_FOUND", "no such endpoint: " + path
                    + "; use " + IMAGE + ", " + FILE + " or " + HEALTH));
        }
    }

    private void authorise(Request request) throws ApiException {
        if (settings.token().isEmpty()) {
            return;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String expected = "Bearer " + settings.token().get();
        // Constant-time comparison, so the token cannot be guessed byte by byte from response times.
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(new ApiError(401, "UNAUTHORIZED",
                    "send the token given to serve with --token-file as 'Authorization: Bearer <token>'"));
        }
    }

    private static void requireMethod(String actual, String wanted) throws ApiException {
        if (!actual.equals(wanted)) {
            throw new ApiException(new ApiError(405, "METHOD_NOT_ALLOWED", "use " + wanted + ", not " + actual));
        }
    }

    private AnalysisOutcome analyseUpload(Request request) throws ApiException {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(new ApiError(415, "UNSUPPORTED_MEDIA_TYPE",
                    "send the photo as multipart/form-data with the field 'file', found " + contentType));
        }
        checkDeclaredLength(request);
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(MultiPart.extractBoundary(contentType));
        parser.setMaxLength(settings.maxUploadBytes());
        parser.setMaxParts(8);
        parser.setFilesDirectory(uploads.folder());
        try (MultiPartFormData.Parts parts = parser.parse(request).get(settings.idleTimeoutMillis(),
                TimeUnit.MILLISECONDS)) {
            MultiPart.Part part = parts.getFirst("file");
            if (part == null) {
                throw new ApiException(new ApiError(400, "BAD_REQUEST",
                        "the multipart body has no field named 'file'"));
            }
            String name = part.getFileName() == null ? "upload" : Path.of(part.getFileName()).getFileName().toString();
            Path saved = uploads.newFile();
            try {
                part.writeTo(saved);
                AnalysisOutcome outcome = analyse(saved);
                return renamed(outcome, Path.of(name));
            } finally {
                uploads.delete(saved);
            }
        } catch (ExecutionException e) {
            throw uploadFailure(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(new ApiError(408, "REQUEST_TIMEOUT", "the upload did not arrive in time"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(new ApiError(503, "SHUTTING_DOWN", "the server is stopping"));
        } catch (IOException e) {
            throw new ApiException(new ApiError(500, "UPLOAD_NOT_STORED",
                    "the upload could not be stored for analysis: " + e.getMessage()));
        }
    }

    private ApiException uploadFailure(Throwable cause) {
        if (cause instanceof TimeoutException || cause instanceof java.io.InterruptedIOException) {
            return new ApiException(new ApiError(408, "REQUEST_TIMEOUT",
                    "the upload stalled for longer than the server's idle timeout; send it again"));
        }
        String text = String.valueOf(cause == null ? null : cause.getMessage());
        if (text.toLowerCase(Locale.ROOT).contains("max length") || text.toLowerCase(Locale.ROOT).contains("exceeds")
                || text.toLowerCase(Locale.ROOT).contains("too large")) {
            return tooLarge();
        }
        return new ApiException(new ApiError(400, "BAD_REQUEST", "the multipart body cannot be read: " + text));
    }

    private void checkDeclaredLength(Request request) throws ApiException {
        long length = request.getLength();
        if (length > settings.maxUploadBytes()) {
            throw tooLarge();
        }
    }

    private ApiException tooLarge() {
        return new ApiException(new ApiError(413, "UPLOAD_TOO_LARGE", "the upload is larger than "
                + settings.maxUploadBytes() / (1024 * 1024) + " MB; start serve with a larger --max-upload-mb"));
    }

    private String readPath(Request request) throws ApiException {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(new ApiError(415, "UNSUPPORTED_MEDIA_TYPE",
                    "send application/json like {\"path\": \"...\"}, found " + contentType));
        }
        checkDeclaredLength(request);
        try {
            JsonNode body = JsonBodies.MAPPER.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
            JsonNode path = body == null ? null : body.get("path");
            if (path == null || !path.isTextual()) {
                throw new ApiException(new ApiError(400, "BAD_REQUEST", "send {\"path\": \"...\"} with a file path"));
            }
            return path.asText();
        } catch (IOException e) {
            throw new ApiException(new ApiError(400, "BAD_REQUEST", "the body is not valid JSON: " + e.getMessage()));
        }
    }

    private AnalysisOutcome analyse(Path file) throws ApiException {
        Analyzer analyzer = model.analyzer().orElseThrow(() -> new ApiException(new ApiError(503, "NO_MODEL",
                "no usable model: " + model.unavailableReason().orElse("unknown")
                        + "; check `haski-desktop self-check`")));
        boolean acquired;
        try {
            acquired = analysisSlots.tryAcquire(QUEUE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(new ApiError(503, "SHUTTING_DOWN", "the server is stopping"));
        }
        if (!acquired) {
            throw new ApiException(new ApiError(503, "BUSY", "every analysis slot stayed busy for "
                    + QUEUE_WAIT_SECONDS + " s; retry later"));
        }
        try {
            return analyzer.analyze(file);
        } finally {
            analysisSlots.release();
        }
    }

    /** Reports the client's own file name rather than the server's temporary copy. */
    private static AnalysisOutcome renamed(AnalysisOutcome outcome, Path name) {
        if (outcome instanceof Analysis a) {
            return new Analysis(name, a.heads(), a.provenance(), a.image(), a.timings(), a.warnings());
        }
        AnalysisFailure f = (AnalysisFailure) outcome;
        String message = f.message().replace(f.file().getFileName().toString(), name.toString());
        return new AnalysisFailure(name, f.code(), message);
    }

    private int answer(AnalysisOutcome outcome, Response response, Callback callback) {
        ObjectNode json = ResultJson.toJson(outcome);
        if (outcome instanceof AnalysisFailure failure) {
            stats.failed.incrementAndGet();
            int status = ApiError.statusForFailure(failure.code());
            json.remove("file");
            JsonBodies.write(response, callback, status, json);
            return status;
        }
        stats.analysed.incrementAndGet();
        JsonBodies.write(response, callback, 200, json);
        return 200;
    }
}
