package ai.haski.desktop.server;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * Discards the rest of a refused request's body after its answer has been written, then lets Jetty close the
 * connection. Closing while the client is still sending makes the system reset the connection, and a reset can
 * destroy the answer before the client has read it (the client then sees "no response" instead of its 401 or
 * 503). Nothing waits here: each chunk is read when Jetty says one has arrived, and the drain ends at the end of
 * the body, after {@code maxBytes}, or after {@code maxMillis}, whichever comes first.
 */
final class RefusedBodyDrain {
    private final ScheduledExecutorService timer;
    private final long maxBytes;
    private final long maxMillis;

    RefusedBodyDrain(ScheduledExecutorService timer, long maxBytes, long maxMillis) {
        this.timer = timer;
        this.maxBytes = maxBytes;
        this.maxMillis = maxMillis;
    }

    /** Drains {@code request}, then completes {@code done} (the handler's callback), once. */
    void drain(Request request, Callback done) {
        new Run(request, done).start();
    }

    private final class Run {
        private final Request request;
        private final Callback done;
        private final AtomicBoolean finished = new AtomicBoolean();
        private ScheduledFuture<?> deadline;
        private long discarded;

        Run(Request request, Callback done) {
            this.request = request;
            this.done = done;
        }

        void start() {
            deadline = timer.schedule(this::finish, maxMillis, TimeUnit.MILLISECONDS);
            readAvailable();
        }

        private void readAvailable() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::readAvailable);
                    return;
                }
                boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
                discarded += chunk.remaining();
                chunk.release();
                if (end || discarded > maxBytes) {
                    finish();
                    return;
                }
            }
        }

        private void finish() {
            if (finished.compareAndSet(false, true)) {
                if (deadline != null) {
                    deadline.cancel(false);
                }
                // The answer is already sent; completing lets Jetty close the connection (Connection: close).
                done.succeeded();
            }
        }
    }
}
