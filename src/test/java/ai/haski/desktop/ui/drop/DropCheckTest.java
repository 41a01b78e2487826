package ai.haski.desktop.ui.drop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropCheckTest {
    @TempDir
    Path folder;

    @Test
    void aPhotoIsAccepted() throws IOException {
        Path photo = Files.writeString(folder.resolve("IMG_1.JPG"), "x");
        DropVerdict verdict = DropCheck.check(DropContent.ofFiles(List.of(photo)));
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.file()).contains(photo);
        assertThat(verdict.message()).isEqualTo("Drop to analyse IMG_1.JPG");
    }

    @Test
    void aTextFileIsRefusedNamingIt() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "x");
        DropVerdict verdict = DropCheck.check(DropContent.ofFiles(List.of(notes)));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.message()).startsWith("notes.txt is not a photo this app reads")
                .contains("JPEG, PNG, BMP, GIF, TIFF, WebP, HEIC or AVIF");
    }

    @Test
    void aFolderIsOpenedAsAReviewSession() throws IOException {
        Path photos = Files.createDirectory(folder.resolve("clinic photos"));
        DropVerdict verdict = DropCheck.check(DropContent.ofFiles(List.of(photos)));
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.folder()).isTrue();
        assertThat(verdict.file()).contains(photos);
        assertThat(verdict.message()).isEqualTo("Drop to open clinic photos as a review session");
    }

    @Test
    void severalFilesAreRefused() throws IOException {
        Path a = Files.writeString(folder.resolve("a.jpg"), "x");
        Path b = Files.writeString(folder.resolve("b.jpg"), "x");
        DropVerdict verdict = DropCheck.check(DropContent.ofFiles(List.of(a, b)));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.message()).startsWith("2 items: drop one photo, or one folder");
    }

    @Test
    void anImageWithoutAFileIsUsedAsIs() {
        DropVerdict verdict = DropCheck.check(new DropContent(List.of(), true, true));
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.usesImage()).isTrue();
    }

    @Test
    void plainTextIsRefused() {
        DropVerdict verdict = DropCheck.check(new DropContent(List.of(), false, true));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.message()).startsWith("This is text, not a photo");
    }

    @Test
    void aFolderHoldingAManifestIsAModelPackageNotASession() throws IOException {
        Path pkg = Files.createDirectory(folder.resolve("my-model"));
        Files.writeString(pkg.resolve("model.json"), "{}");
        DropVerdict verdict = DropCheck.check(DropContent.ofFiles(List.of(pkg)));
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.kind()).isEqualTo(DropVerdict.Kind.MODEL_PACKAGE);
        assertThat(verdict.folder()).isFalse();
        assertThat(verdict.file()).contains(pkg);
        assertThat(verdict.message()).isEqualTo("Drop to add the model package my-model to your models (it is "
                + "checked first)");
    }

    @Test
    void anExportedNetworkOpensAddModel() throws IOException {
        for (String name : List.of("net.onnx", "NET.TFLITE")) {
            Path file = Files.writeString(folder.resolve(name), "x");
            DropVerdict verdict = DropCheck.check(DropContent.ofFiles(List.of(file)));
            assertThat(verdict.accepted()).isTrue();
            assertThat(verdict.kind()).isEqualTo(DropVerdict.Kind.MODEL_FILE);
            assertThat(verdict.message()).isEqualTo("Drop to import " + name + " as a model (Add model)");
        }
    }
}
