package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.inference.HostileModelPackages;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A models folder with a 3 GB sparse {@code model.json} and a package with a 6 GB sparse weights file, met by the
 * packaged jar: every command goes on with the good models, lists the two as refused, and none ends in an
 * OutOfMemoryError.
 */
class OversizedPackagesIT {
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @TempDir
    static Path work;
    private static Path modelsDir;

    @BeforeAll
    static void makePackages() throws Exception {
        modelsDir = Files.createDirectories(work.resolve("models"));
        sparse(HostileModelPackages.withManifest(modelsDir, "huge-manifest", m -> { }).resolve("model.json"),
                3L << 30);
        sparse(HostileModelPackages.withManifest(modelsDir, "huge-weights", m -> { }).resolve("model.onnx"),
                6L << 30);
    }

    private static void sparse(Path file, long length) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    private static JarProcess.Result run(String... args) throws Exception {
        JarProcess.Result result = JarProcess.runJar(work, List.of(), DEADLINE, args);
        assertThat(result.both()).doesNotContain("OutOfMemoryError", "Required array size");
        return result;
    }

    @Test
    void modelsListsTheTwoAsRefusedAndTheReferenceAsUsable() throws Exception {
        JarProcess.Result run = run("models", "--models-dir", modelsDir.toString());

        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.out()).contains("haski-reference", "REFUSED", "huge-manifest", "at most 1000000 bytes",
                "huge-weights", "more than the 250000000 bytes");
    }

    @Test
    void analyzeWithAnotherModelWorks() throws Exception {
        JarProcess.Result run = run("analyze", "--models-dir", modelsDir.toString(), "--model", "haski-reference",
                TestFiles.photo("skimage_coins.png").toString());

        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0).get("model_id").asText()).isEqualTo("haski-reference");
    }

    @Test
    void selfCheckFailsOnlyTheRefusedPackages() throws Exception {
        JarProcess.Result run = run("self-check", "--models-dir", modelsDir.toString());

        assertThat(run.exit()).as(run.both()).isEqualTo(HaskiCommand.FAILED);
        assertThat(run.out()).containsPattern("haski-reference\\s+1\\.0\\.0\\s+onnx\\s+.*PASS")
                .contains("huge-manifest", "huge-weights");
    }

    @Test
    void reviewAnalysesTheFolderWithTheReference() throws Exception {
        Path photos = Files.createDirectories(work.resolve("photos"));
        Files.copy(TestFiles.photo("skimage_coins.png"), photos.resolve("coins.png"));

        JarProcess.Result run = run("review", "--models-dir", modelsDir.toString(), photos.toString(), "--session",
                work.resolve("s.haski-session").toString());

        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.err()).contains("1 succeeded, 0 failed");
    }
}
