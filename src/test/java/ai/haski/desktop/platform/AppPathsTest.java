package ai.haski.desktop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppPathsTest {
    private static final Path HOME = Path.of("/home/ana");
    private String savedData;
    private String savedCache;

    @BeforeEach
    void clearOverrides() {
        savedData = System.clearProperty(AppPaths.DATA_DIR_PROPERTY);
        savedCache = System.clearProperty(AppPaths.CACHE_DIR_PROPERTY);
    }

    @AfterEach
    void restoreOverrides() {
        if (savedData != null) {
            System.setProperty(AppPaths.DATA_DIR_PROPERTY, savedData);
        }
        if (savedCache != null) {
            System.setProperty(AppPaths.CACHE_DIR_PROPERTY, savedCache);
        }
    }

    @Test
    void linuxFollowsTheXdgDefaults() {
        AppPaths paths = new AppPaths(Map.of(), "Linux", HOME);

        assertThat(paths.dataDir()).isEqualTo(Path.of("/home/ana/.local/share/haski-desktop"));
        assertThat(paths.userModelsDir()).isEqualTo(Path.of("/home/ana/.local/share/haski-desktop/models"));
        assertThat(paths.logDir()).isEqualTo(Path.of("/home/ana/.local/share/haski-desktop/logs"));
        assertThat(paths.cacheDir()).isEqualTo(Path.of("/home/ana/.cache/haski-desktop"));
    }

    @Test
    void linuxHonoursAbsoluteXdgVariablesAndIgnoresRelativeOnes() {
        AppPaths absolute = new AppPaths(Map.of("XDG_DATA_HOME", "/data", "XDG_CACHE_HOME", "/cache"), "Linux", HOME);
        AppPaths relative = new AppPaths(Map.of("XDG_DATA_HOME", "data"), "Linux", HOME);

        assertThat(absolute.dataDir()).isEqualTo(Path.of("/data/haski-desktop"));
        assertThat(absolute.cacheDir()).isEqualTo(Path.of("/cache/haski-desktop"));
        assertThat(relative.dataDir()).isEqualTo(Path.of("/home/ana/.local/share/haski-desktop"));
    }

    @Test
    void macAndWindowsUseTheirOwnFolders() {
        assertThat(new AppPaths(Map.of(), "Mac OS X", HOME).dataDir())
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Haski Desktop"));
        assertThat(new AppPaths(Map.of("APPDATA", "/appdata"), "Windows 11", HOME).dataDir())
                .isEqualTo(Path.of("/appdata/Haski Desktop"));
    }

    @Test
    void systemPropertiesOverrideEverything() {
        System.setProperty(AppPaths.DATA_DIR_PROPERTY, "/pinned/data");
        System.setProperty(AppPaths.CACHE_DIR_PROPERTY, "/pinned/cache");

        AppPaths paths = new AppPaths(Map.of("XDG_DATA_HOME", "/data"), "Linux", HOME);

        assertThat(paths.dataDir()).isEqualTo(Path.of("/pinned/data"));
        assertThat(paths.cacheDir()).isEqualTo(Path.of("/pinned/cache"));
    }

    @Test
    void homeComesFromTheEnvironmentWhenSetAndAbsolute() {
        AppPaths moved = AppPaths.of(Map.of("HOME", "/tmp/x"), "Linux", "/home/ana");

        assertThat(moved.dataDir()).isEqualTo(Path.of("/tmp/x/.local/share/haski-desktop"));
        assertThat(moved.userModelsDir()).isEqualTo(Path.of("/tmp/x/.local/share/haski-desktop/models"));
        assertThat(moved.cacheDir()).isEqualTo(Path.of("/tmp/x/.cache/haski-desktop"));
        assertThat(AppPaths.of(Map.of("HOME", "/tmp/x"), "Mac OS X", "/Users/ana").dataDir())
                .isEqualTo(Path.of("/tmp/x/Library/Application Support/Haski Desktop"));
    }

    @Test
    void xdgVariablesStillWinOverHome() {
        AppPaths paths = AppPaths.of(Map.of("HOME", "/tmp/x", "XDG_DATA_HOME", "/data"), "Linux", "/home/ana");

        assertThat(paths.dataDir()).isEqualTo(Path.of("/data/haski-desktop"));
        assertThat(paths.cacheDir()).isEqualTo(Path.of("/tmp/x/.cache/haski-desktop"));
    }

    @Test
    void anUnsetEmptyOrRelativeHomeFallsBackToUserHome() {
        assertThat(AppPaths.of(Map.of(), "Linux", "/home/ana").dataDir())
                .isEqualTo(Path.of("/home/ana/.local/share/haski-desktop"));
        assertThat(AppPaths.of(Map.of("HOME", ""), "Linux", "/home/ana").dataDir())
                .isEqualTo(Path.of("/home/ana/.local/share/haski-desktop"));
        assertThat(AppPaths.of(Map.of("HOME", "relative/home"), "Linux", "/home/ana").dataDir())
                .isEqualTo(Path.of("/home/ana/.local/share/haski-desktop"));
    }

    @Test
    void windowsKeepsItsProfileFolderWhateverHomeSays() {
        assertThat(AppPaths.home(Map.of("HOME", "/c/Users/ana"), "Windows 11", "/profiles/ana"))
                .isEqualTo(Path.of("/profiles/ana"));
    }
}
