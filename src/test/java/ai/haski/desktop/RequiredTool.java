package ai.haski.desktop;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JDK that some tests need and a plain developer machine may lack. Such a test calls
 * {@link #assume()} first, so that without the tool it is skipped with a message naming the tool and the command
 * that installs it; {@code .ci/run} installs every one and fails when any test was skipped.
 */
public enum RequiredTool {
    STRACE("strace", "apt-get install strace", List.of("strace", "-V")),
    /** A private network namespace, for the run that must work with no network at all. */
    UNSHARE_NETWORK("unshare -n (a private network namespace)",
            "apt-get install util-linux, and run as root or allow user namespaces "
                    + "(sysctl kernel.unprivileged_userns_clone=1)",
            List.of("unshare", "-n", "true")),
    /** A private user and mount namespace, where a test may mount a small tmpfs as a disk that fills. */
    UNSHARE_MOUNT("unshare -rm (a private user and mount namespace)",
            "apt-get install util-linux, and allow user namespaces (sysctl kernel.unprivileged_userns_clone=1)",
            List.of("unshare", "-rm", "true"));

    private static final Map<RequiredTool, Boolean> PROBED = new ConcurrentHashMap<>();

    private final String tool;
    private final String install;
    private final List<String> probe;

    RequiredTool(String tool, String install, List<String> probe) {
        this.tool = tool;
        this.install = install;
        this.probe = probe;
    }

    /** Whether the tool runs here (probed once per JVM). */
    public boolean available() {
        return PROBED.computeIfAbsent(this, t -> succeeds(t.probe));
    }

    /** Skips the calling test, saying what to install, when the tool does not run here. */
    public void assume() {
        Assumptions.assumeTrue(available(), () -> tool + " is not available here; install it: " + install);
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
