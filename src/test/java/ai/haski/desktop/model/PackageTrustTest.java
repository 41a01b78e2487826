package ai.haski.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.inference.HostileModelPackages;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages that try to break the scan of every package or to make the manifest vouch for what it does not hold: a
 * huge manifest, a huge weights file, keys given twice, weights linked to a file outside. Each is refused alone; the
 * others load.
 */
class PackageTrustTest {
    @TempDir
    Path dir;

    private ModelRegistry scan() {
        return ModelRegistry.scan(List.of(new ModelRegistry.Root(dir, ModelPackage.Source.USER)));
    }

    private String refusal(ModelRegistry registry, String folder) {
        return registry.refused().stream().filter(r -> r.folder().getFileName().toString().equals(folder))
                .findFirst().orElseThrow(() -> new AssertionError(folder + " was not refused: " + registry.refused()))
                .reason();
    }

    @Test
    void aThreeGigabyteSparseManifestIsRefusedBySizeAndTheOtherPackagesLoad() throws Exception {
        HostileModelPackages.withManifest(dir, "good-one", m -> { });
        Path huge = HostileModelPackages.withManifest(dir, "huge-manifest", m -> { }).resolve("model.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);
        }

        ModelRegistry registry = scan();

        assertThat(registry.find("good-one")).isPresent();
        assertThat(refusal(registry, "huge-manifest")).contains("model.json", String.valueOf(3L << 30),
                "at most 1000000 bytes");
    }

    @Test
    void aSixGigabyteWeightsFileIsRefusedBySizeBeforeItIsHashed() throws Exception {
        HostileModelPackages.withManifest(dir, "good-one", m -> { });
        Path weights = HostileModelPackages.withManifest(dir, "huge-weights", m -> { }).resolve("model.onnx");
        try (RandomAccessFile file = new RandomAccessFile(weights.toFile(), "rw")) {
            file.setLength(6L << 30);
        }

        ModelRegistry registry = scan();

        assertThat(registry.find("good-one")).isPresent();
        // Refused for its size, not for its SHA-256: had it been hashed, the message would name the checksum.
        assertThat(refusal(registry, "huge-weights")).contains("model.onnx", String.valueOf(6L << 30),
                "more than the 250000000 bytes").doesNotContain("SHA-256");
    }

    @Test
    void aManifestThatGivesAKeyTwiceIsRefusedNamingTheKey() throws Exception {
        HostileModelPackages.withManifest(dir, "good-one", m -> { });
        Path manifest = HostileModelPackages.withManifest(dir, "twice-clinical", m -> { }).resolve("model.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        String doubled = text.replaceFirst("\"clinical_use\"\\s*:\\s*false", "\"clinical_use\" : false,\n"
                + "  \"clinical_use\" : true");
        assertThat(doubled).isNotEqualTo(text);
        Files.writeString(manifest, doubled, StandardCharsets.UTF_8);

        ModelRegistry registry = scan();

        assertThat(registry.find("good-one")).isPresent();
        assertThat(registry.find("twice-clinical")).isEmpty();
        assertThat(refusal(registry, "twice-clinical")).contains("not valid JSON", "Duplicate field 'clinical_use'");
    }

    @Test
    void weightsLinkedToAFileOutsideThePackageAreRefusedEvenWhenTheirHashMatches() throws Exception {
        Path outside = Files.writeString(dir.getParent().resolve("outside-" + System.nanoTime() + ".txt"),
                "not a model\n");
        try {
            String outsideSha = Sha256.of(outside);
            Path folder = HostileModelPackages.withManifest(dir, "linked-out", m -> ((com.fasterxml.jackson.databind
                    .node.ObjectNode) m.get("weights").get("onnx")).put("sha256", outsideSha));
            Files.delete(folder.resolve("model.onnx"));
            Files.createSymbolicLink(folder.resolve("model.onnx"), outside);
            Path inside = HostileModelPackages.withManifest(dir, "linked-in", m -> { });
            Files.move(inside.resolve("model.onnx"), inside.resolve("real.onnx"));
            Files.createSymbolicLink(inside.resolve("model.onnx"), inside.resolve("real.onnx"));

            ModelRegistry registry = scan();

            assertThat(registry.find("linked-out")).isEmpty();
            assertThat(refusal(registry, "linked-out")).contains("model.onnx is a symbolic link to " + outside
                    .toRealPath(), "outside the package folder").doesNotContain(outsideSha);
            assertThat(registry.find("linked-in")).as("a link inside the package is allowed").isPresent();
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
