package ai.haski.desktop.catalog;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Copying a package folder into the user's models folder and removing one: checked first, one rename each. */
class PackageInstallerTest {
    @TempDir
    Path dir;
    Path models;
    PackageInstaller installer;

    @BeforeEach
    void setUp() {
        models = dir.resolve("models");
        installer = new PackageInstaller(SharedEngine.loader().backends(), models);
    }

    private ModelRegistry registry() {
        return ModelRegistry.scan(List.of(new ModelRegistry.Root(models, ModelPackage.Source.USER)));
    }

    private Path referenceCopy(String id) throws Exception {
        return referenceCopy(id, "downloads");
    }

    private Path referenceCopy(String id, String parent) throws Exception {
        Path folder = TestFiles.copyTree(TestFiles.referencePackage(), dir.resolve(parent).resolve(id));
        Path manifest = folder.resolve("model.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"id\": \"haski-reference\"",
                "\"id\": \"" + id + "\""));
        return folder;
    }

    private List<String> entries() throws Exception {
        try (Stream<Path> list = Files.list(models)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aValidPackageIsCopiedInUnderItsIdAndTheRegistryListsIt() throws Exception {
        Path source = referenceCopy("copy-one");

        ModelPackage installed = installer.install(source, registry());

        assertThat(installed.folder()).isEqualTo(models.resolve("copy-one"));
        assertThat(entries()).containsExactly("copy-one");
        assertThat(registry().find("copy-one")).isPresent();
        assertThat(source.resolve("model.json")).isRegularFile();
    }

    @Test
    void anIdInUseIsRefusedAndNothingIsWritten() throws Exception {
        installer.install(referenceCopy("copy-one"), registry());
        Path again = referenceCopy("copy-one", "elsewhere");

        assertThatThrownBy(() -> installer.install(again, registry())).isInstanceOf(ImportException.class)
                .hasMessageContaining("the model id \"copy-one\" is already used by " + models.resolve("copy-one"));
        assertThat(entries()).containsExactly("copy-one");
    }

    @Test
    void weightsThatDoNotMatchTheirHashAreRefusedWithTheReason() throws Exception {
        Path source = referenceCopy("tampered");
        byte[] weights = Files.readAllBytes(source.resolve("model.onnx"));
        weights[weights.length - 1] ^= 1;
        Files.write(source.resolve("model.onnx"), weights);

        assertThatThrownBy(() -> installer.install(source, registry())).isInstanceOf(ImportException.class)
                .hasMessageContaining(source + " is not a usable model package").hasMessageContaining("SHA-256");
        assertThat(models).doesNotExist();
    }

    @Test
    void aFolderWithoutAManifestIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-a-package"));

        assertThatThrownBy(() -> installer.install(empty, registry())).isInstanceOf(ImportException.class)
                .hasMessageContaining(empty + " is not a usable model package");
    }

    @Test
    void removingTakesThePackageAwayInOneStep() throws Exception {
        installer.install(referenceCopy("copy-one"), registry());

        installer.remove(registry().find("copy-one").orElseThrow());

        assertThat(entries()).isEmpty();
        assertThat(registry().packages()).isEmpty();
    }

    @Test
    void packagesOutsideTheUsersModelsFolderAreNotRemoved() throws Exception {
        ModelPackage bundled = SharedEngine.reference();
        ModelPackage elsewhere = SharedEngine.read(referenceCopy("elsewhere"));

        assertThatThrownBy(() -> installer.remove(bundled)).isInstanceOf(ImportException.class)
                .hasMessageContaining("is not in your models folder " + models);
        assertThatThrownBy(() -> installer.remove(elsewhere)).isInstanceOf(ImportException.class)
                .hasMessageContaining("is not in your models folder " + models);
        assertThat(TestFiles.referencePackage().resolve("model.json")).isRegularFile();
        assertThat(dir.resolve("downloads").resolve("elsewhere").resolve("model.json")).isRegularFile();
    }
}
