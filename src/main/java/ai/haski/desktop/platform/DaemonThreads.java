package ai.haski.desktop.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker threads that never keep the process alive: a codec or native runtime stuck in a call must not stop a
 * command from returning or the app from quitting.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** Daemon threads named {@code prefix1}, {@code prefix2}, …, so that thread dumps say whose they are. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
