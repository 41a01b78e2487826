package ai.haski.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Progress of a batch on stderr: a live line when stderr is a terminal, and a summary at the end. */
final class Progress {
    private final PrintWriter err;
    private final int total;
    private final boolean live;
    private final long startNanos = System.nanoTime();
    private int done;
    private int failed;
    private long lastPrintNanos;

    private Progress(PrintWriter err, int total, boolean live) {
        this.err = err;
        this.total = total;
        this.live = live;
    }

    static Progress forStderr(PrintWriter err, int total) {
        return new Progress(err, total, stderrIsTerminal());
    }

    /**
     * Java 17 cannot ask whether stderr alone is a terminal ({@code System.console()} needs stdin and stdout too,
     * and stdout is usually redirected to a results file), so on Linux look at what file descriptor 2 is.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    /** Counts one finished photo. */
    void advance(boolean succeeded) {
        done++;
        if (!succeeded) {
            failed++;
        }
        long now = System.nanoTime();
        if (live && (now - lastPrintNanos > 200_000_000L || done == total)) {
            lastPrintNanos = now;
            double seconds = (now - startNanos) / 1e9;
            double rate = done / Math.max(seconds, 1e-9);
            long left = Math.round((total - done) / Math.max(rate, 1e-9));
            err.printf(Locale.ROOT, "\r%d/%d photos, %d failed, %.1f/s, about %ds left   ", done, total, failed, rate, left);
            err.flush();
        }
    }

    int failed() {
        return failed;
    }

    void finish(int skipped, String model) {
        if (live) {
            err.println();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        err.printf(Locale.ROOT, "Analysed %d photos with %s in %.1fs: %d succeeded, %d failed%s%n", done, model, seconds,
                done - failed, failed, skipped > 0 ? ", " + skipped + " non-image files skipped" : "");
        err.flush();
    }
}
