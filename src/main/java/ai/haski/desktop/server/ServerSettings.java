package ai.haski.desktop.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the local API listens and what it accepts.
 *
 * @param bindAddress the interface to listen on; loopback unless the user says otherwise
 * @param port the TCP port, 0 for any free one
 * @param token the bearer token every request must carry, if one is set
 * @param allowedRoot the only folder {@code /api/v1/analyze/file} may read from; empty disables that endpoint
 * @param maxUploadBytes the largest request body accepted
 * @param maxConcurrentAnalyses analyses run at once
 * @param idleTimeoutMillis how long a connection may send or receive nothing before it is closed
 * @param maxQueuedAnalyses requests admitted beyond those analysing (receiving their body or waiting for a slot);
 *        one more is answered 503 with {@code Retry-After} before its body is read
 * @param maxConnections open connections answered normally; a request on any further one is answered 503
 * @param headerDeadlineMillis how long a connection may take to send a request's headers, however slowly it trickles
 * @param bodyDeadlineMillis how long a request may take to send its whole body, however slowly it trickles
 */
public record ServerSettings(
        String bindAddress,
        int port,
        Optional<String> token,
        Optional<Path> allowedRoot,
        long maxUploadBytes,
        int maxConcurrentAnalyses,
        long idleTimeoutMillis,
        int maxQueuedAnalyses,
        int maxConnections,
        long headerDeadlineMillis,
        long bodyDeadlineMillis) {

    /** Requests admitted beyond those analysing, when not said otherwise. */
    public static final int DEFAULT_QUEUE = 32;
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final long DEFAULT_HEADER_DEADLINE_MILLIS = 10_000;
    /** Long enough for the largest upload over a slow link; a photo on loopback takes well under a second. */
    public static final long DEFAULT_BODY_DEADLINE_MILLIS = 120_000;

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, found " + port);
        }
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("the upload limit must be positive");
        }
        if (maxConcurrentAnalyses < 1) {
            throw new IllegalArgumentException("at least one analysis must be allowed at a time");
        }
        if (maxQueuedAnalyses < 0 || maxConnections < 1) {
            throw new IllegalArgumentException("the queue cannot be negative and at least one connection is needed");
        }
        if (headerDeadlineMillis <= 0 || bodyDeadlineMillis <= 0) {
            throw new IllegalArgumentException("the header and body deadlines must be positive");
        }
    }

    /** The settings with the default queue, connection limit and deadlines. */
    public ServerSettings(String bindAddress, int port, Optional<String> token, Optional<Path> allowedRoot,
            long maxUploadBytes, int maxConcurrentAnalyses, long idleTimeoutMillis) {
        this(bindAddress, port, token, allowedRoot, maxUploadBytes, maxConcurrentAnalyses, idleTimeoutMillis,
                DEFAULT_QUEUE, DEFAULT_MAX_CONNECTIONS, DEFAULT_HEADER_DEADLINE_MILLIS, DEFAULT_BODY_DEADLINE_MILLIS);
    }

    /** Requests in the server at once: analysing plus admitted to wait. */
    int admittedRequests() {
        return maxConcurrentAnalyses + maxQueuedAnalyses;
    }

    ServerSettings withLimits(int queued, int connections, long headerDeadline, long bodyDeadline) {
        return new ServerSettings(bindAddress, port, token, allowedRoot, maxUploadBytes, maxConcurrentAnalyses,
                idleTimeoutMillis, queued, connections, headerDeadline, bodyDeadline);
    }
}
