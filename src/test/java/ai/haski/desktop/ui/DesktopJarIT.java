package ai.haski.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar's desktop app as a user would, headless: this proves that the manifest's class path
 * (JavaFX's platform jars included) opens the window, that {@code --open} analyses a photo at launch, and that the
 * app writes its log file.
 */
class DesktopJarIT {
    @TempDir
    Path work;

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Monocle renders without a display; it is a test dependency, so it is taken from this test's class path. */
    private static String monocleJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("openjfx-monocle")).findFirst()
                .orElseThrow(() -> new AssertionError("openjfx-monocle is not on the test class path"));
    }

    @Test
    void theJarOpensTheWindowAndAnalysesThePhotoGivenWithOpen() throws Exception {
        Path data = work.resolve("user-data");
        Path photo = TestFiles.photo("phone_IMG_1054.JPG");
        List<String> command = new ArrayList<>(List.of(java().toString(),
                "-Dhaski.data.dir=" + data, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k",
                "-cp", System.getProperty("haski.jar") + File.pathSeparator + monocleJar(),
                "ai.haski.desktop.Launcher", "--open", photo.toString()));
        Path output = work.resolve("app.out");
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Path log = data.resolve("logs/haski-desktop.log");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && app.isAlive()
                    && !(Files.exists(log)
                            && Files.readString(log).contains("Result shown: file=phone_IMG_1054.JPG"))) {
                Thread.sleep(200);
            }
            assertThat(app.isAlive()).as("the app is still running; it said: %s", Files.exists(output)
                    ? Files.readString(output) : "").isTrue();
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged).contains("Main window shown")
                .containsPattern("Analysed file=phone_IMG_1054\\.JPG model=haski-reference 1\\.0\\.0 sha256=[0-9a-f]{12} "
                        + "format=onnx runtime=ONNX Runtime [0-9.]+ timings_ms decode=")
                .containsPattern("Result shown: file=phone_IMG_1054\\.JPG [0-9]+ ms after the request, model ready");
    }

    @Test
    void withoutADisplayTheJarSaysSoAndPointsAtTheCommandLine() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(java().toString(), "-Dhaski.data.dir=" + work.resolve("data"),
                "-jar", System.getProperty("haski.jar"));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Path output = work.resolve("no-display.out");
        Process app = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isEqualTo(2);
        assertThat(Files.readString(output)).contains("Haski Desktop could not open its window")
                .contains("use the command line, e.g.: haski-desktop analyze PHOTO...");
    }
}
