package ai.haski.desktop.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python script with PyTorch and torchvision for tests that compare the app with PyTorch itself. The
 * interpreter is {@code -Dhaski.python}, else Debian's {@code /usr/bin/python3}: a {@code python3} found on the PATH
 * may be a virtual environment or pyenv shim without torch. A missing interpreter or module skips the test with the
 * packages to install ({@code .ci/run} installs them, and fails when any test was skipped); a script that fails once
 * they are there fails the test.
 */
final class TorchPython {
    static final String INSTALL = "apt-get install python3-torch python3-torchvision (Debian; or pip install torch "
            + "torchvision and point -Dhaski.python at that interpreter)";
    private static final long TIMEOUT_MINUTES = 5;

    private TorchPython() {}

    static Path interpreter() {
        Path python = Path.of(System.getProperty("haski.python", "/usr/bin/python3"));
        Assumptions.assumeTrue(Files.isExecutable(python),
                () -> "No Python interpreter at " + python + " for the PyTorch comparison: " + INSTALL);
        Assumptions.assumeTrue(imports(python, "torch", "torchvision"),
                () -> python + " cannot import torch and torchvision for the PyTorch comparison: " + INSTALL);
        return python;
    }

    private static boolean imports(Path python, String... modules) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("import " + String.join(", ", modules) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs {@code script args...}; returns its output, or fails the test with that output and what to install. */
    static String run(Path script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(interpreter().toString());
        command.add(script.toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The output is small (a few lines), so reading it to the end before waiting cannot block the script.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(script.getFileName() + " did not finish in " + TIMEOUT_MINUTES + " minutes:\n" + output);
        }
        if (process.exitValue() != 0) {
            String hint = output.contains("No module named") ? "\nPyTorch or torchvision is missing: " + INSTALL : "";
            fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output + hint);
        }
        return output;
    }
}
