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
import java.util.Map;
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
        Path log = data.resolve("logs/haski-desktop.log");
        runUntilLogged(Map.of(), List.of("-Dhaski.data.dir=" + data), log, "Result shown: file=phone_IMG_1054.JPG",
                "--open", photo.toString());
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged).contains("Main window shown")
                .containsPattern("Analysed file=phone_IMG_1054\\.JPG model=haski-reference 1\\.0\\.0 sha256=[0-9a-f]{12} "
                        + "format=onnx runtime=ONNX Runtime [0-9.]+ timings_ms decode=")
                .containsPattern("Result shown: file=phone_IMG_1054\\.JPG [0-9]+ ms after the request, model ready");
    }

    /**
     * {@code HOME=... haski-desktop PHOTO}: the photo, named without {@code --open}, is analysed in the window, and
     * the app's files go under that HOME (the JVM's user.home would be the account's real one).
     */
    @Test
    void aPhotoNamedAloneOpensInTheWindowAndTheAppKeepsItsFilesUnderHome() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Path photo = TestFiles.photo("phone_debian_logo.jpg");
        Path log = home.resolve(".local/share/haski-desktop/logs/haski-desktop.log");
        runUntilLogged(Map.of("HOME", home.toString()), List.of(), log,
                "Result shown: file=phone_debian_logo.jpg", photo.toString());
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Main window shown")
                .contains("data folder " + home.resolve(".local/share/haski-desktop"))
                .contains("Opening at launch: 1 photo(s)");
    }

    /** {@code haski-desktop A.jpg B.jpg}: the window opens with the first of them, the second a Next away. */
    @Test
    void twoPhotosNamedAloneOpenTheWindowWithTheFirst() throws Exception {
        Path data = work.resolve("user-data");
        Path log = data.resolve("logs/haski-desktop.log");
        runUntilLogged(Map.of(), List.of("-Dhaski.data.dir=" + data), log, "Result shown: file=skimage_chelsea.png",
                TestFiles.photo("skimage_chelsea.png").toString(), TestFiles.photo("skimage_coins.png").toString());
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Opening at launch: 2 photo(s)")
                .doesNotContain("Result shown: file=skimage_coins.png");
    }

    /** {@code haski-desktop FOLDER}: the folder opens as its review session. */
    @Test
    void aFolderNamedAloneOpensAsItsSession() throws Exception {
        Path folder = Files.createDirectories(work.resolve("clinic"));
        for (String name : List.of("skimage_chelsea.png", "skimage_coins.png")) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }
        Path data = work.resolve("user-data");
        Path log = data.resolve("logs/haski-desktop.log");
        runUntilLogged(Map.of(), List.of("-Dhaski.data.dir=" + data), log, "Session opened: 2 photos",
                folder.toString());
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Opening at launch: 0 photo(s), folder "
                + folder);
    }

    /**
     * Starts {@code Launcher ARGS} from the packaged jar under Monocle, with {@code env} added to its environment
     * (and the XDG folders taken out of it, so they cannot point elsewhere), and stops it once {@code log} has
     * {@code expected}, or after 90 s; fails if the app had ended by then.
     */
    private void runUntilLogged(Map<String, String> env, List<String> jvmOptions, Path log, String expected,
            String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java().toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k",
                "-cp", System.getProperty("haski.jar") + File.pathSeparator + monocleJar(),
                "ai.haski.desktop.Launcher"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(work, "app", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("XDG_"));
        builder.environment().putAll(env);
        Process app = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && app.isAlive()
                    && !(Files.exists(log) && Files.readString(log).contains(expected))) {
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
        assertThat(log).as("the app's log").exists();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("the app's log").contains(expected);
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
