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

    @Test
    void windowBoundsAreKeptPerScreenLayoutAndTheLastOneIsKnown() throws IOException {
        SettingsStore store = new SettingsStore(folder.resolve("settings.json"));
        WindowBounds laptop = new WindowBounds(10, 20, 1200, 760, false);
        WindowBounds docked = new WindowBounds(2000, 100, 1600, 1000, true);

        store.saveWindowBounds("0,0 1280x800", laptop);
        store.saveWindowBounds("0,0 1920x1080;1920,0 2560x1440", docked);

        assertThat(store.windowBounds("0,0 1280x800")).contains(laptop);
        assertThat(store.windowBounds("0,0 1920x1080;1920,0 2560x1440")).contains(docked);
        assertThat(store.windowBounds("0,0 3840x2160")).isEmpty();
        assertThat(store.lastWindowBounds()).contains(docked);
    }

    @Test
    void savingTheModelKeepsTheWindowBoundsAndTheOtherWayRound() throws IOException {
        SettingsStore store = new SettingsStore(folder.resolve("settings.json"));
        WindowBounds bounds = new WindowBounds(10, 20, 1200, 760, false);
        store.save(Settings.DEFAULT.withModel("haski-reference", Optional.of("tflite")));
        store.saveWindowBounds("screens", bounds);
        store.save(Settings.DEFAULT.withModel("other", Optional.empty()));

        assertThat(store.windowBounds("screens")).contains(bounds);
        assertThat(store.load()).isEqualTo(new Settings(Optional.of("other"), Optional.empty()));
    }

    @Test
    void onlyTheMostRecentScreenLayoutsAreKept() throws IOException {
        SettingsStore store = new SettingsStore(folder.resolve("settings.json"));
        for (int layout = 0; layout <= SettingsStore.MAX_SCREEN_LAYOUTS; layout++) {
            store.saveWindowBounds("layout " + layout, new WindowBounds(layout, 0, 800, 600, false));
        }
        store.saveWindowBounds("layout 1", new WindowBounds(1, 1, 800, 600, false));
        store.saveWindowBounds("layout 9", new WindowBounds(9, 9, 800, 600, false));

        assertThat(store.windowBounds("layout 0")).isEmpty();
        assertThat(store.windowBounds("layout 1")).contains(new WindowBounds(1, 1, 800, 600, false));
        assertThat(store.windowBounds("layout 2")).isEmpty();
        assertThat(store.windowBounds("layout 3")).isPresent();
    }

    @Test
    void damagedWindowBoundsAreIgnored() throws IOException {
        Path file = Files.writeString(folder.resolve("settings.json"), "{\"model_id\": \"m\", \"window\": {"
                + "\"last_screens\": \"a\", \"by_screens\": {\"a\": {\"x\": 1, \"y\": 2, \"width\": -5, "
                + "\"height\": 3}, \"b\": {\"x\": \"left\"}, \"c\": 7}}}");
        SettingsStore store = new SettingsStore(file);

        assertThat(store.windowBounds("a")).isEmpty();
        assertThat(store.windowBounds("b")).isEmpty();
        assertThat(store.windowBounds("c")).isEmpty();
        assertThat(store.lastWindowBounds()).isEmpty();
        assertThat(store.load().modelId()).contains("m");
    }
}
