package ai.haski.desktop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path folder;

    @Test
    void noFileMeansDefaults() {
        assertThat(new SettingsStore(folder.resolve("settings.json")).load()).isEqualTo(Settings.DEFAULT);
    }

    @Test
    void aSavedChoiceIsReadBack() throws IOException {
        SettingsStore store = new SettingsStore(folder.resolve("sub/settings.json"));
        store.save(Settings.DEFAULT.withModel("haski-reference", Optional.of("tflite")));
        assertThat(store.load()).isEqualTo(new Settings(Optional.of("haski-reference"), Optional.of("tflite")));
        assertThat(Files.readString(store.file())).contains("\"model_id\" : \"haski-reference\"");
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void aDamagedFileIsIgnoredSoTheAppStillStarts() throws IOException {
        Path file = Files.writeString(folder.resolve("settings.json"), "{\"model_id\": ");
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.DEFAULT);
        Files.writeString(file, "[1, 2]");
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.DEFAULT);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndSaysWhy() throws IOException {
        Path blocker = Files.writeString(folder.resolve("not-a-folder"), "x");
        SettingsStore store = new SettingsStore(blocker.resolve("settings.json"));
        assertThatThrownBy(() -> store.save(Settings.DEFAULT)).isInstanceOf(IOException.class);
    }
}
