package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileScannerTest {
    @TempDir
    Path root;

    private Path file(String relative) throws Exception {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        return path;
    }

    @Test
    void walksFoldersRecursivelyInNameOrderAndSkipsHiddenAndNonImageFiles() throws Exception {
        Path b = file("b.JPG");
        Path a = file("a.png");
        Path nested = file("clinic one/é 😀.webp");
        file(".hidden.jpg");
        file(".cache/inside-hidden-folder.jpg");
        Path notes = file("notes.txt");

        ImageFileScanner.Scan scan = ImageFileScanner.scan(List.of(root));

        assertThat(scan.images()).containsExactly(a, b, nested);
        assertThat(scan.skipped()).containsExactly(notes);
        assertThat(scan.problems()).isEmpty();
    }

    @Test
    void reportsSymbolicLinkLoopsAndBrokenLinksWithoutHanging() throws Exception {
        Path photo = file("sub/photo.jpg");
        Files.createSymbolicLink(root.resolve("sub/back-to-root"), root);
        Files.createSymbolicLink(root.resolve("gone.jpg"), root.resolve("does-not-exist.jpg"));

        ImageFileScanner.Scan scan = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ImageFileScanner.scan(List.of(root)));

        assertThat(scan.images()).containsExactly(photo);
        assertThat(scan.problems()).anySatisfy(p -> assertThat(p).contains("back-to-root").contains("loop"))
                .anySatisfy(p -> assertThat(p).contains("gone.jpg").contains("broken symbolic link"));
    }

    @Test
    void aPipeNamedLikeAPhotoIsReportedNotOpened() throws Exception {
        Path fifo = root.resolve("camera.jpg");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        ImageFileScanner.Scan scan = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ImageFileScanner.scan(List.of(root)));

        assertThat(scan.images()).isEmpty();
        assertThat(scan.problems()).singleElement().asString().contains("camera.jpg").contains("not a regular file");
    }

    @Test
    void keepsAFileNamedExplicitlyWhateverItIsSoItsProblemGetsReported() throws Exception {
        Path notes = file("notes.txt");
        Path missing = root.resolve("missing.jpg");

        ImageFileScanner.Scan scan = ImageFileScanner.scan(List.of(notes, missing));

        assertThat(scan.images()).containsExactly(notes, missing);
    }
}
