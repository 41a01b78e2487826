package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.inference.HostileModelPackages;
import ai.haski.desktop.inference.HostileModelPackages.Damage;
import ai.haski.desktop.model.ModelFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile model packages met by the packaged jar in a child JVM, so that a native runtime that crashed on a damaged
 * weights file could only take this child down: {@code self-check}, {@code models} and {@code analyze} must each end
 * normally, name every bad package and its problem, and keep using the good reference model.
 */
class HostileModelsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final Pattern NATIVE_CRASH = Pattern.compile("SIGSEGV|SIGBUS|SIGABRT|hs_err_pid|fatal error|core dumped");

    @TempDir
    static Path work;
    private static Path modelsDir;

    @BeforeAll
    static void makePackages() throws Exception {
        modelsDir = Files.createDirectories(work.resolve("models"));
        for (ModelFormat format : ModelFormat.values()) {
            for (Damage damage : Damage.values()) {
                HostileModelPackages.withDamagedWeights(modelsDir, format, damage);
            }
        }
        HostileModelPackages.withManifest(modelsDir, "wrong-test-vector", m -> {
            ArrayNode logits = (ArrayNode) m.get("test_vector").get("expected").get("logits");
            logits.set(0, logits.get(0).asDouble() + 1);
        });
        HostileModelPackages.withManifest(modelsDir, "wrong-input-size",
                m -> ((ObjectNode) m.get("input")).put("height", 200));
        Files.delete(HostileModelPackages.withManifest(modelsDir, "missing-weights", m -> { })
                .resolve("model.tflite"));
        Files.write(HostileModelPackages.withManifest(modelsDir, "sha-mismatch", m -> { }).resolve("model.onnx"),
                new byte[] {1, 2, 3});
        HostileModelPackages.withManifest(modelsDir, "wrong-type",
                m -> ((ObjectNode) m.get("heads").get(0)).put("length", "five"));
        HostileModelPackages.withManifest(modelsDir, "unknown-head-output",
                m -> ((ObjectNode) m.get("heads").get(1)).put("output", "embeddings"));
        HostileModelPackages.withManifest(modelsDir, "missing-heads", m -> m.remove("heads"));
    }

    private static JarProcess.Result run(String... args) throws Exception {
        JarProcess.Result result = JarProcess.runJar(work, List.of(), DEADLINE, args);
        assertThat(result.out() + result.err()).as(result.both()).doesNotContainPattern(NATIVE_CRASH);
        assertThat(result.exit()).as("a normal exit, not a signal: " + result.both()).isBetween(0, 3);
        return result;
    }

    @Test
    void selfCheckFailsEveryHostilePackageWithItsReasonAndStillPassesTheReference() throws Exception {
        JarProcess.Result run = run("self-check", "--models-dir", modelsDir.toString());

        assertThat(run.exit()).as(run.both()).isEqualTo(HaskiCommand.FAILED);
        String out = run.out();
        assertThat(out).containsPattern("haski-reference\\s+1\\.0\\.0\\s+onnx\\s+.*PASS")
                .containsPattern("haski-reference\\s+1\\.0\\.0\\s+tflite\\s+.*PASS")
                .contains("self-check FAILED");
        for (ModelFormat format : ModelFormat.values()) {
            String runtime = format == ModelFormat.ONNX ? "ONNX Runtime" : "TensorFlow Lite";
            for (Damage damage : Damage.values()) {
                String id = HostileModelPackages.id(format, damage);
                assertThat(line(out, id)).as(out).contains("FAIL").contains("model \"" + id + "\"")
                        .contains(runtime + " cannot load " + id);
            }
        }
        assertThat(line(out, "wrong-test-vector")).contains("FAIL").contains("test vector failed: output logits[0]");
        assertThat(line(out, "wrong-input-size")).contains("FAIL").contains("field 'input'")
                .contains("[1, 3, 200, 224]");
        assertThat(line(out, "missing-weights")).contains("FAIL").contains("field 'weights.tflite.file'")
                .contains("does not exist");
        assertThat(line(out, "sha-mismatch")).contains("FAIL").contains("field 'weights.onnx.sha256'");
        assertThat(line(out, "wrong-type")).contains("FAIL").contains("field 'heads[0].length'")
                .contains("must be an integer");
        assertThat(line(out, "unknown-head-output")).contains("FAIL").contains("field 'heads[1].output'")
                .contains("not one of the outputs");
        assertThat(line(out, "missing-heads")).contains("FAIL").contains("field 'heads'").contains("is missing");
    }

    @Test
    void modelsListsTheRefusedPackagesWithWhyAndTheRestAsUsable() throws Exception {
        JarProcess.Result run = run("models", "--models-dir", modelsDir.toString());

        assertThat(run.exit()).as(run.both()).isEqualTo(HaskiCommand.OK);
        for (String refused : List.of("missing-weights", "sha-mismatch", "wrong-type", "unknown-head-output",
                "missing-heads")) {
            assertThat(run.out()).as(run.out()).containsPattern("REFUSED \\S*" + refused + "\\R\\s+\\S+model\\.");
        }
        // Damaged weights with a matching SHA-256 pass the checks `models` makes; `self-check` is what runs them.
        assertThat(run.out()).contains("random-onnx 1.0.0").contains("truncated-tflite 1.0.0")
                .contains("self-check` also proves each");
    }

    @Test
    void analyzingWithAHostileModelIsAUsageErrorNamingThePackageAndTheRuntimesWords() throws Exception {
        Path photo = TestFiles.photo("skimage_astronaut.png");
        for (ModelFormat format : ModelFormat.values()) {
            String id = HostileModelPackages.id(format, Damage.RANDOM);
            JarProcess.Result run = run("analyze", "--models-dir", modelsDir.toString(), "--model", id,
                    photo.toString());

            assertThat(run.exit()).as(run.both()).isEqualTo(HaskiCommand.USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("model \"" + id + "\"").contains("cannot be used");
        }
    }

    /** The self-check row (or rows) that begin with the package id or its folder name. */
    private static String line(String out, String id) {
        StringBuilder rows = new StringBuilder();
        for (String row : out.split("\\R")) {
            if (row.startsWith(id + " ")) {
                rows.append(row).append('\n');
            }
        }
        assertThat(rows).as("a row for " + id + " in\n" + out).isNotEmpty();
        return rows.toString();
    }
}
