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
 * @param maxConcurrentAnalyses analyses run at once; more wait, and those that wait too long get 503
 * @param idleTimeoutMillis how long a connection may send or receive nothing before it is closed
 */
public record ServerSettings(
        String bindAddress,
        int port,
        Optional<String> token,
        Optional<Path> allowedRoot,
        long maxUploadBytes,
        int maxConcurrentAnalyses,
        long idleTimeoutMillis) {

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
    }
}
