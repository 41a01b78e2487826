package ai.haski.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path root;

    private Path copyReference(String folderName) {
        return TestFiles.copyTree(TestFiles.referencePackage(), root.resolve(folderName));
    }

    private ModelRegistry scan() {
        return ModelRegistry.scan(List.of(new ModelRegistry.Root(root, ModelPackage.Source.USER)));
    }

    @Test
    void loadsAnIntactPackage() {
        copyReference("good");

        ModelRegistry registry = scan();

        assertThat(registry.packages()).extracting(ModelPackage::id).containsExactly("haski-reference");
        assertThat(registry.refused()).isEmpty();
    }

    @Test
    void refusesAPackageWhoseWeightsWereChanged() throws Exception {
        Path pkg = copyReference("tampered");
        Files.write(pkg.resolve("model.tflite"), new byte[] {1}, StandardOpenOption.APPEND);

        ModelRegistry registry = scan();

        assertThat(registry.packages()).isEmpty();
        assertThat(registry.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains(pkg.resolve("model.tflite").toString())
                .contains("field 'weights.tflite.sha256'")
                .contains("but the manifest expects"));
    }

    @Test
    void refusesAPackageWithAMissingWeightsFile() throws Exception {
        Path pkg = copyReference("incomplete");
        Files.delete(pkg.resolve("model.onnx"));

        ModelRegistry registry = scan();

        assertThat(registry.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("model.json")
                .contains("field 'weights.onnx.file'")
                .contains("model.onnx, which does not exist"));
    }

    @Test
    void refusesAPackageWithAMissingTestImage() throws Exception {
        Path pkg = copyReference("no-test-image");
        Files.delete(pkg.resolve("test-input.png"));

        assertThat(scan().refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("field 'test_vector.input_image'"));
    }

    @Test
    void refusesASecondPackageWithTheSameId() {
        copyReference("a-first");
        copyReference("b-second");

        ModelRegistry registry = scan();

        assertThat(registry.packages()).singleElement().satisfies(p -> assertThat(p.folder().getFileName().toString()).isEqualTo("a-first"));
        assertThat(registry.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("already used by").contains("a-first"));
    }

    @Test
    void ignoresFoldersWithoutAManifestAndAMissingRoot() throws Exception {
        Files.createDirectories(root.resolve("tools"));
        ModelRegistry registry = ModelRegistry.scan(List.of(
                new ModelRegistry.Root(root, ModelPackage.Source.BUNDLED),
                new ModelRegistry.Root(root.resolve("does-not-exist"), ModelPackage.Source.USER)));

        assertThat(registry.packages()).isEmpty();
        assertThat(registry.refused()).isEmpty();
    }
}
