package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopMainTest {

    @Test
    void noArgumentsOrOpenAFileMeanTheDesktopApp() {
        assertThat(DesktopMain.wantsDesktop()).isTrue();
        assertThat(DesktopMain.wantsDesktop("--open", "photo.jpg")).isTrue();
    }

    @Test
    void anyOtherArgumentsMeanTheCommandLine() {
        assertThat(DesktopMain.wantsDesktop("analyze", "photo.jpg")).isFalse();
        assertThat(DesktopMain.wantsDesktop("--help")).isFalse();
        assertThat(DesktopMain.wantsDesktop("--open")).isFalse();
    }

    @Test
    void theFileToOpenIsMadeAbsolute() {
        assertThat(HaskiApp.filesToOpen(List.of("--open", "photo.jpg")))
                .containsExactly(Path.of("photo.jpg").toAbsolutePath());
        assertThat(HaskiApp.filesToOpen(List.of())).isEmpty();
    }
}
