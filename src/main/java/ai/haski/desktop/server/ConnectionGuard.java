package ai.haski.desktop.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts open connections and gives each one a deadline for its request headers. Jetty's idle timeout only
 * notices a connection that sends nothing; one that trickles a byte every few seconds would hold its connection
 * for ever without this. The deadline starts when the connection opens and again after each answer.
 */
final class ConnectionGuard implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private final ScheduledExecutorService timer;
    private final long headerDeadlineMillis;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentMap<Connection, ScheduledFuture<?>> headerDeadlines = new ConcurrentHashMap<>();

    ConnectionGuard(ScheduledExecutorService timer, long headerDeadlineMillis) {
        this.timer = timer;
        this.headerDeadlineMillis = headerDeadlineMillis;
    }

    /** Connections open now, this one included. */
    int openConnections() {
        return open.get();
    }

    @Override
    public void onOpened(Connection connection) {
        open.incrementAndGet();
        armHeaderDeadline(connection);
    }

    @Override
    public void onClosed(Connection connection) {
        open.decrementAndGet();
        cancel(headerDeadlines.remove(connection));
    }

    /** The connection's request headers have arrived. */
    void requestStarted(Connection connection) {
        cancel(headerDeadlines.remove(connection));
    }

    /** The connection's answer is written: the next request's headers get a fresh deadline. */
    void requestEnded(Connection connection) {
        if (connection.getEndPoint().isOpen()) {
            armHeaderDeadline(connection);
        }
    }

    private void armHeaderDeadline(Connection connection) {
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (headerDeadlines.remove(connection) != null) {
                LOG.warn("Closed a connection from {}: no complete request headers within {} ms",
                        connection.getEndPoint().getRemoteSocketAddress(), headerDeadlineMillis);
                connection.getEndPoint().close();
            }
        }, headerDeadlineMillis, TimeUnit.MILLISECONDS);
        cancel(headerDeadlines.put(connection, deadline));
        if (!connection.getEndPoint().isOpen()) {
            // Closed while arming: onClosed may already have run and would never cancel this one.
            cancel(headerDeadlines.remove(connection));
        }
    }

    private static void cancel(ScheduledFuture<?> deadline) {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
