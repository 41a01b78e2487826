package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged application in a child JVM, as a user's shell would, with a deadline. */
final class JarProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a finished child left: exit status, stdout, stderr, and how long it took. */
    record Result(int exit, String out, String err, Duration took) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }

        String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private JarProcess() {}

    /** The java launcher of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The packaged jar, which failsafe names in {@code haski.jar} after {@code package} has built it. */
    static String jar() {
        String jar = System.getProperty("haski.jar");
        if (jar == null) {
            // Run any other way, an old jar could be lying in target/ and the test would judge old code.
            throw new IllegalStateException("haski.jar is not set: run *IT tests with `mvn verify` (failsafe)");
        }
        return jar;
    }

    /** {@code java [jvmOptions] -Dhaski.data.dir=WORK/user-data -jar haski-desktop.jar [args]}. */
    static Result runJar(Path work, List<String> jvmOptions, Duration deadline, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dhaski.data.dir=" + work.resolve("user-data"), "-jar", jar()));
        command.addAll(List.of(args));
        return run(work, command, deadline);
    }

    /** As {@link #runJar(Path, List, Duration, String...)}, with these variables set in the child's environment. */
    static Result runJar(Path work, Map<String, String> environment, Duration deadline, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Dhaski.data.dir=" + work.resolve("user-data"),
                "-jar", jar()));
        command.addAll(List.of(args));
        return run(work, command, environment, deadline);
    }

    /** Runs any command, killing it and failing the test if it outlives {@code deadline}. */
    static Result run(Path work, List<String> command, Duration deadline) throws Exception {
        return run(work, command, Map.of(), deadline);
    }

    private static Result run(Path work, List<String> command, Map<String, String> environment, Duration deadline)
            throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Result result = new Result(finished ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), took);
        assertThat(finished).as("finished within %s: %s%n%s", deadline, command, result.both()).isTrue();
        return result;
    }
}
