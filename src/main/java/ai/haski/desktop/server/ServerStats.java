package ai.haski.desktop.server;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of what the server has answered since it started, for the health endpoint and the log. */
final class ServerStats {
    private final Instant started = Instant.now();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong analysed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    Duration uptime() {
        return Duration.between(started, Instant.now());
    }
}
