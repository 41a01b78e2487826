package ai.haski.desktop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.cli.HaskiCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Spark tests' input (the public photos plus broken files) and their yardstick: what {@code analyze} prints for
 * the same folder, compared field by field with the job's rows.
 */
final class SparkTestPhotos {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODEL = "haski-reference";

    private SparkTestPhotos() {}

    /** A folder of every public photo (broken ones included) and three more files no decoder accepts. */
    static Path folder(Path parent) throws IOException {
        Path folder = Files.createDirectories(parent.resolve("photos"));
        try (Stream<Path> files = Files.list(TestFiles.photos())) {
            for (Path photo : files.sorted().toList()) {
                Files.copy(photo, folder.resolve(photo.getFileName().toString()));
            }
        }
        Files.writeString(folder.resolve("not-a-photo.jpg"), "these are words, not pixels");
        Files.write(folder.resolve("empty.png"), new byte[0]);
        Path sub = Files.createDirectories(folder.resolve("sub"));
        byte[] coins = Files.readAllBytes(TestFiles.photo("skimage_coins.png"));
        Files.write(sub.resolve("half-coins.png"), java.util.Arrays.copyOf(coins, coins.length / 2));
        return folder;
    }

    /** {@code analyze --out} on the folder, in this JVM: each file's JSON object by its {@code file}. */
    static Map<String, ObjectNode> analyze(Path folder, Path work) throws IOException {
        Path out = work.resolve("analyze-" + System.nanoTime() + ".jsonl");
        StringWriter err = new StringWriter();
        int exit = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "analyze",
                "--model", MODEL, "--threads", "2", "--out", out.toString(), folder.toString());
        assertThat(exit).as("analyze exit code; stderr: %s", err).isEqualTo(HaskiCommand.PARTIAL);
        return byFile(Files.readAllLines(out, StandardCharsets.UTF_8));
    }

    /** JSON lines by their {@code file} field; a file twice fails the test. */
    static Map<String, ObjectNode> byFile(List<String> lines) throws IOException {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        for (String line : lines) {
            ObjectNode json = (ObjectNode) JSON.readTree(line);
            assertThat(rows.put(json.get("file").asText(), json)).as("a second row for %s", json.get("file"))
                    .isNull();
        }
        return rows;
    }

    /** Every line of the JSON Lines part files in a job's output folder. */
    static List<String> partLines(Path output) throws IOException {
        assertThat(output.resolve("_SUCCESS")).exists();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /**
     * The job's rows against analyze's: the same files, once each, and per file the same JSON but for stage timings
     * (measured, so never equal) and numbers, which may differ by 1e-6 (the tasks' threads per inference may not be
     * analyze's).
     */
    static void assertSameResults(Map<String, ObjectNode> job, Map<String, ObjectNode> analyze) {
        assertThat(job.keySet()).containsExactlyInAnyOrderElementsOf(analyze.keySet());
        for (Map.Entry<String, ObjectNode> expected : analyze.entrySet()) {
            assertSame(expected.getKey(), job.get(expected.getKey()), expected.getValue(), "");
        }
    }

    private static void assertSame(String file, JsonNode actual, JsonNode expected, String at) {
        if (expected.isNumber()) {
            assertThat(actual.isNumber()).as("%s %s is a number", file, at).isTrue();
            assertThat(actual.asDouble()).as("%s %s", file, at)
                    .isCloseTo(expected.asDouble(), org.assertj.core.data.Offset.offset(1e-6));
            return;
        }
        if (expected.isObject()) {
            List<String> expectedKeys = keys(expected);
            expectedKeys.remove("timings_ms");
            List<String> actualKeys = keys(actual);
            actualKeys.remove("timings_ms");
            assertThat(actualKeys).as("%s %s keys, in order", file, at).containsExactlyElementsOf(expectedKeys);
            assertThat(actual.has("timings_ms")).as("%s %s has timings", file, at)
                    .isEqualTo(expected.has("timings_ms"));
            for (String key : expectedKeys) {
                assertSame(file, actual.get(key), expected.get(key), at + "/" + key);
            }
            return;
        }
        if (expected.isArray()) {
            assertThat(actual.size()).as("%s %s length", file, at).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSame(file, actual.get(i), expected.get(i), at + "[" + i + "]");
            }
            return;
        }
        assertThat(actual).as("%s %s", file, at).isEqualTo(expected);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    /** A JSON Lines row of the job without its two additions, after checking them. */
    static ObjectNode withoutAdditions(ObjectNode row, String appVersion) {
        ObjectNode copy = row.deepCopy();
        assertThat(copy.remove("app_version").asText()).isEqualTo(appVersion);
        String path = copy.remove("path").asText();
        assertThat(path).startsWith("file:").endsWith(Path.of(copy.get("file").asText()).getFileName().toString());
        return copy;
    }
}
