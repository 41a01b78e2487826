package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.haski.desktop.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar the way the README tells a researcher to. */
class CliJarIT {
    private static final List<String> CONTRACT = List.of("skin_type", "hair_type", "conditions_detected",
            "confidence_scores", "model_version", "model_type", "file", "probabilities", "model_id", "model_sha256",
            "backend", "timings_ms", "image", "region", "warnings");

    @TempDir
    static Path work;
    private static Path photos;
    private static int imageCount;

    /** A folder as a user would have it: photos, broken files, a sub-folder, a hidden file and a text file. */
    @BeforeAll
    static void makeFolder() throws IOException {
        photos = work.resolve("photos");
        Files.createDirectories(photos.resolve("clinic a"));
        imageCount = 0;
        try (var files = Files.list(TestFiles.photos())) {
            for (Path source : files.sorted().toList()) {
                String name = source.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tsv")) {
                    continue;
                }
                Path target = name.startsWith("phone_") ? photos.resolve("clinic a").resolve(name) : photos.resolve(name);
                Files.copy(source, target);
                imageCount++;
            }
        }
        Files.writeString(photos.resolve("notes.txt"), "not an image");
        Files.writeString(photos.resolve(".hidden.jpg"), "hidden files are skipped");
    }

    /** The packaged jar with {@code args}, as a user's shell runs it; two minutes at most. */
    private static JarProcess.Result run(String... args) throws Exception {
        return JarProcess.runJar(work, List.of(), Duration.ofSeconds(120), args);
    }

    @Test
    void analyzeAFolderGivesOneLinePerPhotoAndAnErrorLinePerBrokenFile() throws Exception {
        JarProcess.Result run = run("analyze", photos.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(imageCount);
        int failures = 0;
        for (JsonNode line : lines) {
            String file = line.get("file").asText();
            if (line.has("error") && !file.contains("broken_")) {
                // The two 10 x 10 scikit-image samples are too small to analyse; nothing else may fail.
                assertThat(line.get("error").get("code").asText()).as(line.toString()).isEqualTo("IMAGE_TOO_SMALL");
                failures++;
            } else if (file.contains("broken_")) {
                failures++;
                assertThat(line.get("error").get("code").asText()).isNotBlank();
                assertThat(line.get("error").get("message").asText()).contains(Path.of(file).getFileName().toString());
                assertThat(line.has("skin_type")).isFalse();
            } else {
                assertThat(line.has("error")).as(line.toString()).isFalse();
                for (String key : CONTRACT) {
                    assertThat(line.has(key)).as(key + " in " + line).isTrue();
                }
                assertThat(line.get("model_type").asText()).isEqualTo("onnx");
            }
        }
        assertThat(failures).isEqualTo(4);
        assertThat(run.out()).doesNotContain("notes.txt").doesNotContain(".hidden.jpg");
        assertThat(run.err()).contains("succeeded").contains("4 failed");
    }

    @Test
    void onnxAndTfliteGiveTheSameLabelsAndProbabilities() throws Exception {
        Path folder = photos.resolve("clinic a");
        Map<String, JsonNode> onnx = byFile(run("analyze", "--backend", "onnx", folder.toString()));
        Map<String, JsonNode> tflite = byFile(run("analyze", "--backend", "tflite", "--threads", "1", folder.toString()));

        assertThat(tflite.keySet()).isEqualTo(onnx.keySet()).isNotEmpty();
        for (String file : onnx.keySet()) {
            JsonNode a = onnx.get(file);
            JsonNode b = tflite.get(file);
            assertThat(b.get("model_type").asText()).isEqualTo("tflite");
            assertThat(b.get("backend").get("runtime").asText()).isEqualTo("TensorFlow Lite");
            assertThat(b.get("skin_type")).isEqualTo(a.get("skin_type"));
            assertThat(b.get("hair_type")).isEqualTo(a.get("hair_type"));
            assertThat(b.get("conditions_detected")).isEqualTo(a.get("conditions_detected"));
            for (var head : (Iterable<Map.Entry<String, JsonNode>>) a.get("probabilities")::fields) {
                for (var label : (Iterable<Map.Entry<String, JsonNode>>) head.getValue()::fields) {
                    double other = b.get("probabilities").get(head.getKey()).get(label.getKey()).asDouble();
                    assertThat(other).as(file + " " + head.getKey() + "/" + label.getKey())
                            .isCloseTo(label.getValue().asDouble(), within(1e-4));
                }
            }
        }
    }

    private static Map<String, JsonNode> byFile(JarProcess.Result run) throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, JsonNode> map = new HashMap<>();
        for (JsonNode line : run.lines()) {
            map.put(line.get("file").asText(), line);
        }
        return map;
    }

    @Test
    void csvHasAHeaderAndARowPerPhoto() throws Exception {
        Path csv = work.resolve("results.csv");
        JarProcess.Result run = run("analyze", "--format", "csv", "--out", csv.toString(), photos.resolve("clinic a").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("file,skin_type,skin_type_confidence,hair_type");
        long photosInFolder;
        try (var files = Files.list(photos.resolve("clinic a"))) {
            photosInFolder = files.count();
        }
        assertThat(rows).hasSize(1 + (int) photosInFolder);
    }

    @Test
    void selfCheckPassesOnBothRuntimes() throws Exception {
        JarProcess.Result run = run("self-check");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("haski-reference\\s+1\\.0\\.0\\s+onnx\\s+ONNX Runtime 1\\.23\\.2\\s+PASS")
                .containsPattern("haski-reference\\s+1\\.0\\.0\\s+tflite\\s+TensorFlow Lite \\S+\\s+PASS")
                .containsPattern("haski-reference-int8\\s+1\\.0\\.0\\s+tflite\\s+TensorFlow Lite \\S+\\s+PASS")
                .contains("self-check passed");
    }

    @Test
    void modelsListsTheReferencePackageAsNotForClinicalUse() throws Exception {
        JarProcess.Result run = run("models");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("haski-reference 1.0.0").contains("clinical use: NO")
                .contains("onnx").contains("tflite");
    }

    @Test
    void anUnknownModelIsAUsageErrorThatSaysWhatExists() throws Exception {
        JarProcess.Result run = run("analyze", "--model", "no-such-model", photos.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no usable model with id \"no-such-model\"").contains("haski-reference");
    }

    @Test
    void aBadBackendNameIsAUsageError() throws Exception {
        JarProcess.Result run = run("analyze", "--backend", "coreml", photos.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--backend must be onnx or tflite");
    }

    /** With no arguments the jar opens the desktop app (DesktopJarIT); --help is how the CLI lists commands. */
    @Test
    void helpPrintsUsage() throws Exception {
        JarProcess.Result run = run("--help");

        assertThat(run.err() + run.out()).contains("analyze").contains("self-check").contains("models");
    }
}
