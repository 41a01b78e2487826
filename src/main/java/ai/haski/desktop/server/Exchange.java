package ai.haski.desktop.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on its way to its one answer. The answer may come from a Jetty thread, an analysis thread or the
 * body deadline, whichever is first; later attempts are ignored, and what the request held is released exactly
 * once when its answer is written.
 */
final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisApiHandler.class);
    /** Seconds a client told "busy" should wait before it tries again. */
    static final String RETRY_AFTER_SECONDS = "2";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ServerStats stats;
    private final long started = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final List<Runnable> onAnswered = new CopyOnWriteArrayList<>();
    private volatile ScheduledFuture<?> bodyDeadline;
    private RefusedBodyDrain drainer;

    Exchange(Request request, Response response, Callback callback, ServerStats stats) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.stats = stats;
    }

    Request request() {
        return request;
    }

    boolean isAnswered() {
        return answered.get();
    }

    /** Runs when the answer has been written (or failed to be), once. */
    void whenAnswered(Runnable action) {
        onAnswered.add(action);
    }

    /**
     * Answers 408 and closes the connection unless the body has fully arrived within {@code millis}: a client that
     * trickles its body cannot keep its place in the queue for longer.
     */
    void bodyDeadline(ScheduledExecutorService timer, long millis) {
        bodyDeadline = timer.schedule(() -> refuseAndClose(new ApiError(408, "REQUEST_TIMEOUT",
                "the request body did not arrive within " + millis / 1000.0 + " s; send it again")),
                millis, TimeUnit.MILLISECONDS);
    }

    void bodyArrived() {
        ScheduledFuture<?> deadline = bodyDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    void answer(int status, ObjectNode body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        bodyArrived();
        LOG.info("{} {} -> {} in {} ms", request.getMethod(), LogText.escape(Request.getPathInContext(request)),
                status, elapsedMillis());
        JsonBodies.write(response, releasing(), status, body);
    }

    /**
     * Answers an error and closes the connection. The answer is written first, before anything more of the body is
     * read; then what the client is still sending is discarded as it arrives, without a thread waiting for it (see
     * {@link RefusedBodyDrain}), for at most {@code drainMillis}, so that closing does not reset the connection and
     * destroy the answer before the client has read it.
     */
    void refuse(ApiError error) {
        refuse(error, true);
    }

    /** As {@link #refuse(ApiError)}, but closing at once: for a body that ran past its deadline. */
    void refuseAndClose(ApiError error) {
        refuse(error, false);
    }

    private void refuse(ApiError error, boolean drain) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        bodyArrived();
        stats.rejected.incrementAndGet();
        LOG.warn("Refused {} {} -> {} {} in {} ms: {}", request.getMethod(),
                LogText.escape(Request.getPathInContext(request)), error.status(), error.code(), elapsedMillis(),
                LogText.escape(error.message()));
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (error.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (!drain || drainer == null) {
            JsonBodies.write(response, releasing(), error);
            return;
        }
        JsonBodies.write(response, new Callback() {
            @Override
            public void succeeded() {
                release();
                drainer.drain(request, callback);
            }

            @Override
            public void failed(Throwable x) {
                release();
                callback.failed(x);
            }
        }, error);
    }

    /** How refused bodies are discarded; without one, a refusal closes at once. */
    void drainWith(RefusedBodyDrain drainer) {
        this.drainer = drainer;
    }

    private Callback releasing() {
        return new Callback() {
            @Override
            public void succeeded() {
                release();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                release();
                callback.failed(x);
            }
        };
    }

    private void release() {
        for (Runnable action : onAnswered) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("Releasing a finished request failed: {}", LogText.escape(String.valueOf(e)));
            }
        }
    }

    private String elapsedMillis() {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6);
    }
}
