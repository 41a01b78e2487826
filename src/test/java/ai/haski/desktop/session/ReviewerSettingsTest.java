package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theNameIsSavedOnceAndReadBack() throws Exception {
        ReviewerSettings settings = ReviewerSettings.at(dir.resolve("user").resolve("reviewer.json"));
        assertThat(settings.name()).isEmpty();

        settings.setName("  Dr Ada Lovelace ");

        assertThat(ReviewerSettings.at(dir.resolve("user").resolve("reviewer.json")).name())
                .contains("Dr Ada Lovelace");
        assertThatThrownBy(() -> settings.setName(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreadableSettingsFileMeansTheNameIsAskedAgain() throws Exception {
        Path file = dir.resolve("reviewer.json");
        Files.writeString(file, "{ not json");

        assertThat(ReviewerSettings.at(file).name()).isEmpty();
    }
}
