package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.RequiredTool;
import ai.haski.desktop.TestFiles;
import ai.haski.desktop.privacy.ConnectProbe;
import ai.haski.desktop.privacy.NetworkRecordingSecurityManager;
import ai.haski.desktop.session.CrashWorker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaves the machine: a full cycle of the packaged application (list the models, prove them with
 * self-check, analyse a folder of photos and a broken file with logging on) makes no network connection and no name
 * lookup, and its logs hold no image content.
 *
 * <p>Two detectors watch each run, and a control run proves that each of them sees a connection when one is made:
 * <ul>
 *   <li>in the JVM, {@link NetworkRecordingSecurityManager}, which the JDK consults before every socket, channel and
 *       name lookup made by Java code, whichever library makes it;
 *   <li>below the JVM, {@code strace}: the operating system's own record of every {@code connect},
 *       {@code sendto} and {@code sendmsg} call to an internet address, which also covers the native runtimes
 *       (ONNX Runtime, TensorFlow Lite) that a security manager cannot see.
 * </ul>
 * A last run in an empty network namespace ({@code unshare -n}) shows the analysis needs no network at all. Without
 * {@code strace} or {@code unshare} the tests that need them are skipped, saying what to install.
 */
@EnabledOnOs(OS.LINUX)
class NoNetworkIT {
    private static final Duration DEADLINE = Duration.ofSeconds(240);
    private static final String LAUNCHER = "ai.haski.desktop.Launcher";
    /** A call that reaches an internet address; Unix sockets (glibc asking nscd for the user's home) are local. */
    private static final Pattern INET_CALL = Pattern.compile(
            "\\b(connect|sendto|sendmsg)\\(.*sa_family=AF_INET6?\\b.*");
    /** A logback line as the CLI writes them: time, level, logger, message. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) .*");
    /** Base64 or hex long enough to carry image content (the 64-digit SHA-256 would match too, and is not logged). */
    private static final Pattern ENCODED_BLOB = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}");

    @TempDir
    static Path work;
    private static Path trapClasses;
    private static Path photos;

    @BeforeAll
    static void prepare() throws Exception {
        trapClasses = work.resolve("trap");
        copyClass(NetworkRecordingSecurityManager.class);
        copyClass(ConnectProbe.class);
        // The review step: verdicts and notes written through the session store, as the app's review pane does.
        copyClass(CrashWorker.class);
        photos = Files.createDirectories(work.resolve("my photos"));
        for (String photo : List.of("phone_IMG_1054.JPG", "skimage_astronaut.png", "broken_skimage_truncated.jpg")) {
            Files.copy(TestFiles.photo(photo), photos.resolve(photo));
        }
    }

    /** The trap goes on the class path alone, without the test resources (whose logging setup differs). */
    private static void copyClass(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = trapClasses.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }

    /** A run under both detectors; {@code traceFile} gets strace's record. */
    private static JarProcess.Result watched(Path traceFile, String mainClass, String... args) throws Exception {
        RequiredTool.STRACE.assume();
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg",
                "-e", "signal=none", "-o", traceFile.toString()));
        command.addAll(List.of(JarProcess.java(),
                "-Djava.security.manager=" + NetworkRecordingSecurityManager.class.getName(),
                "-Dhaski.data.dir=" + work.resolve("user-data"),
                "-cp", trapClasses + java.io.File.pathSeparator + JarProcess.jar(), mainClass));
        command.addAll(List.of(args));
        return JarProcess.run(work, command, DEADLINE);
    }

    private static List<String> internetCalls(Path traceFile) throws IOException {
        return Files.readAllLines(traceFile).stream().filter(line -> INET_CALL.matcher(line).find()).toList();
    }

    @Test
    void theControlRunShowsBothDetectorsSeeAConnection() throws Exception {
        Path trace = work.resolve("control.strace");
        JarProcess.Result run = watched(trace, ConnectProbe.class.getName());

        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.err()).as(run.both())
                .contains(NetworkRecordingSecurityManager.MARK + "SocketPermission localhost resolve")
                .containsPattern(Pattern.quote(NetworkRecordingSecurityManager.MARK)
                        + "SocketPermission 127\\.0\\.0\\.1:\\d+ connect,resolve");
        assertThat(internetCalls(trace)).as("strace saw the loopback connections")
                .anySatisfy(line -> assertThat(line).contains("127.0.0.1"));
    }

    @Test
    void aFullCycleOfAnalyseReviewAndExportMakesNoConnectionAndLogsNoImageContent() throws Exception {
        Path session = work.resolve("cycle.haski-session");
        List<String[]> cycle = List.of(
                new String[] {LAUNCHER, "models"},
                new String[] {LAUNCHER, "self-check"},
                new String[] {LAUNCHER, "analyze", "-v", photos.toString()},
                new String[] {LAUNCHER, "review", photos.toString(), "--session", session.toString()},
                new String[] {CrashWorker.class.getName(), "verdicts", session.toString(), "reviewer", "4"},
                new String[] {LAUNCHER, "export", "--session", session.toString(), "--format", "csv", "--out",
                        work.resolve("cycle.csv").toString()});
        int step = 0;
        for (String[] command : cycle) {
            Path trace = work.resolve("cycle-" + step++ + ".strace");
            String[] args = java.util.Arrays.copyOfRange(command, 1, command.length);
            JarProcess.Result run = watched(trace, command[0], args);

            assertThat(run.exit()).as(run.both()).isIn(HaskiCommand.OK, HaskiCommand.PARTIAL);
            assertThat(run.err()).as(run.both()).doesNotContain(NetworkRecordingSecurityManager.MARK);
            assertThat(internetCalls(trace)).as("internet calls seen by strace for " + String.join(" ", command))
                    .isEmpty();
            if (args[0].equals("analyze")) {
                assertThat(run.lines()).hasSize(3);
                assertLogsHoldNoImageContent(run.err());
            }
        }
        // The last note the review step wrote is in the export.
        assertThat(Files.readString(work.resolve("cycle.csv"))).contains("reviewer-3");
    }

    /**
     * The analysis log names each photo by its file name and gives codes, model, runtime and timings; it never holds
     * the folder the photos are in, encoded data, or anything long enough to carry pixels.
     */
    private static void assertLogsHoldNoImageContent(String stderr) {
        List<String> logLines = stderr.lines().filter(line -> LOG_LINE.matcher(line).matches()).toList();
        List<String> analysisLines = logLines.stream().filter(line -> line.contains(" Analyzer - ")).toList();
        assertThat(analysisLines).as(stderr).hasSize(3);
        assertThat(analysisLines).anySatisfy(line -> assertThat(line)
                .matches(".* Analyzer - Analysed file=phone_IMG_1054\\.JPG model=haski-reference 1\\.0\\.0 "
                        + "sha256=[0-9a-f]{12} format=onnx runtime=ONNX Runtime \\S+ timings_ms decode=[0-9.]+ orient_convert=[0-9.]+ "
                        + "preprocess=[0-9.]+ inference=[0-9.]+ postprocess=[0-9.]+ faces=[0-9.]+ total=[0-9.]+ "
                        + "quality=[0-9.]+ "
                        + "photo_quality=(good|unmeasured|[A-Z_;]+)"));
        assertThat(analysisLines).anySatisfy(line -> assertThat(line)
                .matches(".* Analyzer - Analysis failed: file=broken_skimage_truncated\\.jpg code=CORRUPT_IMAGE "
                        + "model=haski-reference 1\\.0\\.0 \\(onnx, ONNX Runtime \\S+\\)"));
        for (String line : logLines) {
            assertThat(line).as("log line").doesNotContain(photos.toString()).hasSizeLessThan(400);
            Matcher blob = ENCODED_BLOB.matcher(line);
            assertThat(blob.find()).as("encoded data in log line: %s", line).isFalse();
        }
    }

    @Test
    void theAnalysisNeedsNoNetworkAtAll() throws Exception {
        RequiredTool.UNSHARE_NETWORK.assume();

        JarProcess.Result run = JarProcess.run(work, List.of("unshare", "-n", JarProcess.java(),
                "-Dhaski.data.dir=" + work.resolve("user-data"), "-jar", JarProcess.jar(), "analyze",
                photos.resolve("skimage_astronaut.png").toString()), DEADLINE);

        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.lines()).singleElement().satisfies(line -> assertThat(line.has("skin_type")).isTrue());
    }
}
