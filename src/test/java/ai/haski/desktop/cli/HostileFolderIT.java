package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.HostileImages;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, in a JVM held to 256 MB, analyses one folder holding every hostile file at once (a real
 * decompression bomb, a real 256-megapixel JPEG, truncations of every format, impossible sizes, a pipe, links to
 * nothing and to themselves, names with emoji) next to good photos: it finishes, never runs out of memory, gives
 * each bad file an error line with its code and each good photo a result.
 */
@DisabledOnOs(OS.WINDOWS)
class HostileFolderIT {
    private static final List<String> SMALL_HEAP = List.of("-Xmx256m");
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @TempDir
    static Path work;
    private static Path folder;
    /** Expected code by file name for every file the folder scan picks up; null: a good picture. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();
    private static Map<String, String> specialEntries;

    @BeforeAll
    static void makeFolder() throws Exception {
        folder = Files.createDirectories(work.resolve("hostile photos"));
        for (HostileImages.Case hostile : HostileImages.all()) {
            EXPECTED.put(hostile.name(), hostile.expectedCode());
        }
        HostileImages.writeAll(folder, HostileImages.all());
        HostileImages.writeDecompressionBomb(folder.resolve("bomb.png"));
        EXPECTED.put("bomb.png", HostileImages.TOO_LARGE);
        HostileImages.writeHugeJpeg(folder.resolve("huge scan.jpg"), HostileImages.HUGE_JPEG_SIDE);
        EXPECTED.put("huge scan.jpg", HostileImages.TOO_LARGE);
        for (String photo : List.of("phone_IMG_1054.JPG", "skimage_astronaut.png")) {
            Files.copy(TestFiles.photo(photo), folder.resolve(photo));
            EXPECTED.put(photo, null);
        }
        specialEntries = HostileImages.writeSpecialEntries(folder);
        // Of the special entries, a folder scan picks up only the empty file; the rest are reported as problems.
        EXPECTED.put("zero bytes.jpg", specialEntries.get("zero bytes.jpg"));
    }

    @Test
    void aFolderOfHostileFilesIsAnalysedInBoundedTimeAndMemoryWithOneLinePerFile() throws Exception {
        JarProcess.Result run = JarProcess.runJar(work, SMALL_HEAP, DEADLINE, "analyze", folder.toString());

        assertThat(run.err()).as(run.both()).doesNotContain("OutOfMemoryError").doesNotContain("Exception in thread");
        assertThat(run.exit()).as(run.both()).isEqualTo(HaskiCommand.PARTIAL);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode line : run.lines()) {
            String name = folder.relativize(Path.of(line.get("file").asText())).toString();
            assertThat(byName.put(name, line)).as("one line for " + name).isNull();
        }
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (Map.Entry<String, String> expected : EXPECTED.entrySet()) {
            JsonNode line = byName.get(expected.getKey());
            if (expected.getValue() == null) {
                assertThat(line.has("error")).as(line.toString()).isFalse();
                assertThat(line.get("skin_type").asText()).isNotBlank();
            } else {
                assertThat(line.get("error").get("code").asText()).as(line.toString()).isEqualTo(expected.getValue());
                assertThat(line.get("error").get("message").asText()).contains(expected.getKey());
                assertThat(line.has("skin_type")).isFalse();
            }
        }
        // Entries that are not files are reported on stderr by the scan, each by name, and never opened.
        assertThat(run.err()).contains("camera pipe.jpg").contains("not a regular file")
                .contains("dangling link.jpg").contains("loop a.jpg").contains("loop b.jpg")
                .contains("itself.jpg").contains("symbolic link loop");
    }

    @Test
    void entriesThatAreNotFilesNamedOnTheCommandLineEachGetAnErrorLineWithTheirCode() throws Exception {
        // A folder named on the command line is scanned, not opened as a file (so "a folder.jpg" and the
        // self-linking folder's link give no line); every other entry is kept so that its problem is reported.
        Map<String, String> named = new LinkedHashMap<>(specialEntries);
        named.keySet().removeIf(name -> Files.isDirectory(folder.resolve(name)));
        assertThat(named).containsKeys("zero bytes.jpg", "camera pipe.jpg", "dangling link.jpg", "loop a.jpg");
        List<String> args = new java.util.ArrayList<>(List.of("analyze"));
        named.keySet().forEach(name -> args.add(folder.resolve(name).toString()));
        args.add(folder.resolve("phone_IMG_1054.JPG").toString());

        JarProcess.Result run = JarProcess.runJar(work, SMALL_HEAP, DEADLINE, args.toArray(String[]::new));

        assertThat(run.exit()).as(run.both()).isEqualTo(HaskiCommand.PARTIAL);
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(named.size() + 1);
        int line = 0;
        for (Map.Entry<String, String> entry : named.entrySet()) {
            JsonNode error = lines.get(line++).get("error");
            assertThat(error.get("code").asText()).as(error.toString()).isEqualTo(entry.getValue());
            assertThat(error.get("message").asText()).contains(entry.getKey());
        }
        assertThat(lines.get(line).has("skin_type")).isTrue();
    }

    @Test
    void withTheLimitRaisedTheBombAndThe256MegapixelJpegDecodeSubsampledInsideA256MbHeap() throws Exception {
        JarProcess.Result run = JarProcess.runJar(work, SMALL_HEAP, DEADLINE, "analyze", "--max-megapixels", "500",
                folder.resolve("bomb.png").toString(), folder.resolve("huge scan.jpg").toString());

        assertThat(run.err()).as(run.both()).doesNotContain("OutOfMemoryError");
        assertThat(run.exit()).as(run.both()).isEqualTo(HaskiCommand.OK);
        assertThat(run.lines()).hasSize(2).allSatisfy(line -> {
            assertThat(line.has("error")).as(line.toString()).isFalse();
            assertThat(line.get("image").get("width").asInt()).isIn(HostileImages.BOMB_SIDE,
                    HostileImages.HUGE_JPEG_SIDE);
        });
    }
}
