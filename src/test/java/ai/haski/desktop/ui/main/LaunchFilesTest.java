package ai.haski.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchFilesTest {
    @TempDir
    Path dir;

    @Test
    void photosAreSteppedThroughAndFoldersBesideThemLeftUnopened() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jpg"), "x");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path b = Files.writeString(dir.resolve("b.jpg"), "x");

        LaunchFiles given = LaunchFiles.of(List.of(a, sub, b));

        assertThat(given).isEqualTo(new LaunchFiles(List.of(a, b), Optional.empty(), List.of(sub)));
    }

    @Test
    void withoutPhotosTheFirstFolderOpens() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));

        assertThat(LaunchFiles.of(List.of(first))).isEqualTo(new LaunchFiles(List.of(), Optional.of(first), List.of()));
        assertThat(LaunchFiles.of(List.of(first, second)))
                .isEqualTo(new LaunchFiles(List.of(), Optional.of(first), List.of(second)));
    }

    @Test
    void aMissingFileCountsAsAPhotoSoTheWindowSaysWhyItCannotBeShown() {
        Path missing = dir.resolve("gone.jpg");

        assertThat(LaunchFiles.of(List.of(missing)).photos()).containsExactly(missing);
        assertThat(LaunchFiles.of(List.of())).isEqualTo(new LaunchFiles(List.of(), Optional.empty(), List.of()));
    }
}
