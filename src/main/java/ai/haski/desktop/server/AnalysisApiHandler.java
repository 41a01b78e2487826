package ai.haski.desktop.server;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.RegionRequest;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.platform.DaemonThreads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Haski analysis API: {@code POST /api/v1/analyze/image} (multipart field {@code file}),
 * {@code POST /api/v1/analyze/file} ({@code {"path": ...}}), {@code POST /api/v1/analyze/explain} (see
 * {@link ExplainUpload}) and {@code GET /api/v1/analyze/health}. Every answer is JSON; results are exactly what
 * {@code analyze} and {@code explain} print, through the same {@link Analyzer}.
 *
 * <p>No Jetty thread ever waits: bodies are read as they arrive (a slow client holds a connection, not a thread),
 * analyses run on their own pool, and a request the server will not take is answered at once, before its body is
 * read. So health answers however many clients trickle or queue.
 */
final class AnalysisApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisApiHandler.class);
    static final String IMAGE = "/api/v1/analyze/image";
    static final String FILE = "/api/v1/analyze/file";
    static final String HEALTH = "/api/v1/analyze/health";
    static final String EXPLAIN = "/api/v1/analyze/explain";
    /** {@code {"path": "..."}} needs little; a path is at most a few KB on every platform. */
    static final int MAX_JSON_BYTES = 16 * 1024;
    /** Stored parts larger than this go to the private upload folder, not the heap. */
    private static final long MAX_PART_BYTES_IN_MEMORY = 64 * 1024;
    /** A local file is copied before it is analysed (see {@link #analyseFile}); beyond this it is refused. */
    private static final long MAX_LOCAL_FILE_BYTES = 1L << 30;

    private final ServerSettings settings;
    private final ServedModel model;
    private final PathPolicy paths;
    private final UploadFolder uploads;
    private final ConnectionGuard connections;
    private final ScheduledExecutorService timer;
    private final AnalysisStep step;
    /** Requests analysing or admitted to wait; one more is refused with 503 before its body is read. */
    private final Semaphore admitted;
    private final ExecutorService analyses;
    private final RefusedBodyDrain drain;
    private final ServerStats stats = new ServerStats();
    private final HealthReport health;
    private final ExplainUpload explain;
    /** How long a refused body is discarded before the connection is closed anyway (at most the body deadline). */
    private static final long MAX_DRAIN_MILLIS = 10_000;

    AnalysisApiHandler(ServerSettings settings, ServedModel model, PathPolicy paths, UploadFolder uploads,
            ConnectionGuard connections, ScheduledExecutorService timer, AnalysisStep step) {
        this.settings = settings;
        this.model = model;
        this.paths = paths;
        this.uploads = uploads;
        this.connections = connections;
        this.timer = timer;
        this.step = step;
        this.admitted = new Semaphore(settings.admittedRequests());
        this.analyses = Executors.newFixedThreadPool(settings.maxConcurrentAnalyses(),
                DaemonThreads.named("haski-api-analysis"));
        this.health = new HealthReport(model, stats, paths);
        this.explain = new ExplainUpload(uploads, stats);
        this.drain = new RefusedBodyDrain(timer, settings.maxUploadBytes() + MAX_JSON_BYTES,
                Math.min(MAX_DRAIN_MILLIS, settings.bodyDeadlineMillis()));
    }

    ServerStats stats() {
        return stats;
    }

    /** Lets analyses in flight finish; called after Jetty has stopped taking requests. */
    void shutdown() {
        analyses.shutdown();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        stats.requests.incrementAndGet();
        Connection connection = request.getConnectionMetaData().getConnection();
        connections.requestStarted(connection);
        Exchange exchange = new Exchange(request, response, callback, stats);
        exchange.drainWith(drain);
        exchange.whenAnswered(() -> connections.requestEnded(connection));
        try {
            if (connections.openConnections() > settings.maxConnections()) {
                throw new ApiException(new ApiError(503, "TOO_MANY_CONNECTIONS", "the server has "
                        + settings.maxConnections() + " connections open; retry later"));
            }
            authorise(request);
            route(exchange);
        } catch (ApiException e) {
            exchange.refuse(e.error());
        } catch (RuntimeException e) {
            internalError(exchange, e);
        }
        return true;
    }

    private void route(Exchange exchange) throws ApiException {
        Request request = exchange.request();
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        switch (path) {
            case HEALTH -> {
                requireMethod(method, "GET");
                exchange.answer(200, health.toJson());
            }
            case IMAGE -> {
                requireMethod(method, "POST");
                receiveUpload(exchange, this::analyseUpload);
            }
            case EXPLAIN -> {
                requireMethod(method, "POST");
                receiveUpload(exchange, explain::run);
            }
            case FILE -> {
                requireMethod(method, "POST");
                receivePath(exchange);
            }
            default -> throw new ApiException(new ApiError(404, "NOT_FOUND", "no such endpoint: "
                    + LogText.escape(path) + "; use " + IMAGE + ", " + FILE + ", " + EXPLAIN + " or " + HEALTH));
        }
    }

    private void authorise(Request request) throws ApiException {
        if (settings.token().isEmpty()) {
            return;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String scheme = "Bearer ";
        byte[] given = new byte[0];
        // The scheme is case-insensitive (RFC 9110); the token itself is compared exactly.
        if (header != null && header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            given = header.substring(scheme.length()).strip().getBytes(StandardCharsets.UTF_8);
        }
        // Constant-time comparison, so the token cannot be guessed byte by byte from response times.
        if (!MessageDigest.isEqual(given, settings.token().get().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(new ApiError(401, "UNAUTHORIZED",
                    "send the token given to serve with --token-file as 'Authorization: Bearer <token>'"));
        }
    }

    private static void requireMethod(String actual, String wanted) throws ApiException {
        if (!actual.equals(wanted)) {
            throw new ApiException(new ApiError(405, "METHOD_NOT_ALLOWED", "use " + wanted + ", not "
                    + LogText.escape(actual)));
        }
    }

    private Analyzer requireModel() throws ApiException {
        return model.analyzer().orElseThrow(() -> new ApiException(new ApiError(503, "NO_MODEL",
                "no usable model: " + model.unavailableReason().orElse("unknown")
                        + "; check `haski-desktop self-check`")));
    }

    /** Takes a place in the queue or refuses at once; the place is given back when the answer is written. */
    private void admit(Exchange exchange) throws ApiException {
        if (!admitted.tryAcquire()) {
            throw new ApiException(new ApiError(503, "BUSY", "the server is analysing and queueing "
                    + settings.admittedRequests() + " requests already; retry in " + Exchange.RETRY_AFTER_SECONDS
                    + " s"));
        }
        exchange.whenAnswered(admitted::release);
        exchange.bodyDeadline(timer, settings.bodyDeadlineMillis());
    }

    /** What an analysis thread does with a multipart body once all of it has arrived. */
    @FunctionalInterface
    private interface UploadJob {
        void run(Exchange exchange, Analyzer analyzer, MultiPartFormData.Parts parts) throws ApiException, IOException;
    }

    private void receiveUpload(Exchange exchange, UploadJob job) throws ApiException {
        Request request = exchange.request();
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(new ApiError(415, "UNSUPPORTED_MEDIA_TYPE",
                    "send the photo as multipart/form-data with the field 'file', found "
                            + LogText.escape(contentType)));
        }
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw new ApiException(new ApiError(400, "BAD_MULTIPART",
                    "the Content-Type names no multipart boundary; send multipart/form-data; boundary=..."));
        }
        checkDeclaredLength(request, settings.maxUploadBytes(), this::tooLarge);
        Analyzer analyzer = requireModel();
        Path folder;
        try {
            folder = uploads.folder();
        } catch (IOException e) {
            throw notStored(e);
        }
        admit(exchange);
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxLength(settings.maxUploadBytes());
        parser.setMaxParts(8);
        parser.setPartHeadersMaxLength(8 * 1024);
        parser.setMaxMemoryFileSize(MAX_PART_BYTES_IN_MEMORY);
        parser.setFilesDirectory(folder);
        parser.parse(request).whenComplete((parts, failure) -> {
            exchange.bodyArrived();
            if (failure != null) {
                exchange.refuse(uploadFailure(failure).error());
            } else if (exchange.isAnswered()) {
                parts.close();
            } else {
                dispatch(exchange, () -> job.run(exchange, analyzer, parts), parts::close);
            }
        });
    }

    private void analyseUpload(Exchange exchange, Analyzer analyzer, MultiPartFormData.Parts parts)
            throws ApiException, IOException {
        try (parts) {
            MultiPart.Part part = parts.getFirst("file");
            if (part == null) {
                throw new ApiException(new ApiError(400, "BAD_REQUEST",
                        "the multipart body has no field named 'file'"));
            }
            String name = UploadName.of(part.getFileName());
            RegionRequest region = ExplainUpload.region(parts);
            Path saved = uploads.newFile();
            try {
                part.writeTo(saved);
                answer(exchange, renamed(step.analyse(analyzer, saved, region), Path.of(name)));
            } finally {
                uploads.delete(saved);
            }
        }
    }

    private void receivePath(Exchange exchange) throws ApiException {
        // Refused before any of the body is read: a server without --allow-paths has no use for it.
        paths.requireEnabled();
        Request request = exchange.request();
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(new ApiError(415, "UNSUPPORTED_MEDIA_TYPE",
                    "send application/json like {\"path\": \"...\"}, found " + LogText.escape(contentType)));
        }
        checkDeclaredLength(request, MAX_JSON_BYTES, AnalysisApiHandler::jsonTooLarge);
        Analyzer analyzer = requireModel();
        admit(exchange);
        // Capped however the body is framed: a chunked body without a length stops at the cap too.
        Content.Source.asByteArrayAsync(request, MAX_JSON_BYTES).whenComplete((bytes, failure) -> {
            exchange.bodyArrived();
            if (failure != null) {
                exchange.refuse(jsonFailure(failure).error());
                return;
            }
            try {
                String requested = pathIn(bytes);
                dispatch(exchange, () -> analyseFile(exchange, analyzer, requested), () -> { });
            } catch (ApiException e) {
                exchange.refuse(e.error());
            }
        });
    }

    private static String pathIn(byte[] body) throws ApiException {
        try {
            JsonNode json = JsonBodies.MAPPER.readTree(body);
            JsonNode path = json == null ? null : json.get("path");
            if (path == null || !path.isTextual()) {
                throw new ApiException(new ApiError(400, "BAD_REQUEST", "send {\"path\": \"...\"} with a file path"));
            }
            return path.asText();
        } catch (IOException e) {
            throw new ApiException(new ApiError(400, "BAD_REQUEST", "the body is not valid JSON; send "
                    + "{\"path\": \"...\"}"));
        }
    }

    /**
     * Analyses a copy taken from the file as it was opened and verified, so that nothing swapped in by name after
     * the check can be what is decoded (the decoder reads files by path, and more than once).
     */
    private void analyseFile(Exchange exchange, Analyzer analyzer, String requested)
            throws ApiException, IOException {
        Path copy = uploads.newFile();
        try {
            Path reported;
            try (PathPolicy.OpenedFile opened = paths.open(requested);
                    FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                reported = opened.reported();
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                long copied = 0;
                while (opened.channel().read(buffer) >= 0) {
                    copied += buffer.position();
                    if (copied > MAX_LOCAL_FILE_BYTES) {
                        throw new ApiException(new ApiError(413, "IMAGE_TOO_LARGE", requested + " is larger than "
                                + (MAX_LOCAL_FILE_BYTES >> 30) + " GB; no photo is that large"));
                    }
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    buffer.clear();
                }
            }
            answer(exchange, renamed(step.analyse(analyzer, copy, RegionRequest.WHOLE), reported));
        } finally {
            uploads.delete(copy);
        }
    }

    /** Work for an analysis thread, with what it answers when it fails. */
    @FunctionalInterface
    private interface Job {
        void run() throws ApiException, IOException;
    }

    private void dispatch(Exchange exchange, Job job, Runnable onRejected) {
        try {
            analyses.execute(() -> {
                try {
                    job.run();
                } catch (ApiException e) {
                    exchange.refuse(e.error());
                } catch (IOException e) {
                    LOG.warn("Could not store a photo for analysis: {}", LogText.escape(String.valueOf(e)));
                    exchange.refuse(notStored(e).error());
                } catch (RuntimeException e) {
                    internalError(exchange, e);
                }
            });
        } catch (RejectedExecutionException e) {
            onRejected.run();
            exchange.refuse(new ApiError(503, "SHUTTING_DOWN", "the server is stopping"));
        }
    }

    private static void checkDeclaredLength(Request request, long limit, java.util.function.Supplier<ApiException>
            refusal) throws ApiException {
        if (request.getLength() > limit) {
            throw refusal.get();
        }
    }

    private ApiException uploadFailure(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
            return new ApiException(new ApiError(408, "REQUEST_TIMEOUT",
                    "the upload stalled for longer than the server's idle timeout; send it again"));
        }
        String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("max length") || text.contains("exceeds") || text.contains("too large")
                || text.contains("max file size")) {
            return tooLarge();
        }
        LOG.info("Unreadable multipart body: {}", LogText.escape(String.valueOf(cause)));
        return new ApiException(new ApiError(400, "BAD_MULTIPART",
                "the multipart body cannot be read; send one part named 'file' as curl -F file=@photo.jpg does"));
    }

    private static ApiException jsonFailure(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
            return new ApiException(new ApiError(408, "REQUEST_TIMEOUT", "the body stalled; send it again"));
        }
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            return jsonTooLarge();
        }
        LOG.info("Unreadable JSON body: {}", LogText.escape(String.valueOf(cause)));
        return new ApiException(new ApiError(400, "BAD_REQUEST", "the body could not be read; send it again"));
    }

    private ApiException tooLarge() {
        return new ApiException(new ApiError(413, "UPLOAD_TOO_LARGE", "the upload is larger than "
                + settings.maxUploadBytes() / (1024 * 1024) + " MB; start serve with a larger --max-upload-mb"));
    }

    private static ApiException jsonTooLarge() {
        return new ApiException(new ApiError(413, "BODY_TOO_LARGE", "the JSON body is larger than "
                + MAX_JSON_BYTES / 1024 + " KB; send only {\"path\": \"...\"}"));
    }

    private static ApiException notStored(IOException e) {
        return new ApiException(new ApiError(500, "UPLOAD_NOT_STORED",
                "the photo could not be stored for analysis; check the free space of the cache folder"));
    }

    /** A bug costs one request: the client gets a stable code and no Java text, the log gets the details. */
    private static void internalError(Exchange exchange, RuntimeException e) {
        LOG.error("Unexpected failure answering {} {}: {} at {}", exchange.request().getMethod(),
                LogText.escape(Request.getPathInContext(exchange.request())), LogText.escape(String.valueOf(e)),
                LogText.escape(Arrays.toString(Arrays.copyOf(e.getStackTrace(), Math.min(8,
                        e.getStackTrace().length)))));
        exchange.refuse(new ApiError(500, "INTERNAL_ERROR",
                "the server failed unexpectedly; the server log has the details"));
    }

    /** Reports the client's own file name rather than the server's temporary copy. */
    private static AnalysisOutcome renamed(AnalysisOutcome outcome, Path name) {
        if (outcome instanceof Analysis a) {
            return a.withFile(name);
        }
        AnalysisFailure f = (AnalysisFailure) outcome;
        String message = f.message().replace(f.file().getFileName().toString(), name.getFileName().toString());
        return new AnalysisFailure(name, f.code(), message);
    }

    private void answer(Exchange exchange, AnalysisOutcome outcome) {
        ObjectNode json = ResultJson.toJson(outcome);
        if (outcome instanceof AnalysisFailure failure) {
            stats.failed.incrementAndGet();
            json.remove("file");
            exchange.answer(ApiError.statusForFailure(failure.code()), json);
            return;
        }
        stats.analysed.incrementAndGet();
        exchange.answer(200, json);
    }
}
