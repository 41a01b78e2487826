package ai.haski.desktop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheEarlierFileAndNoPartialFile() throws IOException {
        Path target = dir.resolve("results [final].csv");
        AtomicFiles.write(target, "good\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");

        assertThat(target).hasContent("good");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void partialFilesAKilledWriterLeftAreRemovedOnceAbandonedButALiveWritersAreKept() throws IOException {
        Path target = dir.resolve("results [final].csv");
        Path abandoned = Files.writeString(dir.resolve(".results [final].csv.123.partial"), "half");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(AtomicFiles.ABANDONED_AFTER)
                .minusSeconds(5)));
        Path live = Files.writeString(dir.resolve(".results [final].csv.456.partial"), "half");
        Path otherTargets = Files.writeString(dir.resolve(".other.csv.789.partial"), "half");
        Files.setLastModifiedTime(otherTargets, Files.getLastModifiedTime(abandoned));

        AtomicFiles.write(target, "new\n".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        assertThat(abandoned).doesNotExist();
        assertThat(live).exists();
        assertThat(otherTargets).exists();
    }

    @Test
    void aStreamedWriteRefusesAFolderThatIsNotThereInsteadOfMakingIt() {
        Path target = dir.resolve("typo").resolve("export.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write('x')))
                .hasMessageContaining("does not exist");
        assertThat(target.getParent()).doesNotExist();
    }
}
