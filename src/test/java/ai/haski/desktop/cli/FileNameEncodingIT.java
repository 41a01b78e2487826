package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review} of folders whose file names the JVM's file-name encoding cannot write back: accented names under
 * {@code LANG=C}, and names that are not valid UTF-8 under {@code C.UTF-8}. Every photo must be recorded, as a result
 * or a failure, the exit status must say so, and no worker may die.
 */
class FileNameEncodingIT {
    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");
    private static final Map<String, String> UTF8_LOCALE = Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8");

    @TempDir
    Path work;

    @Test
    void accentedNamesUnderTheCLocaleAreRecordedFailuresAndThePlainOnesAreAnalysed() throws Exception {
        Path folder = Files.createDirectories(work.resolve("photos"));
        List<String> accented = List.of("café.png", "naïve.png", "été.png", "Zoë.png", "søren.png");
        for (int i = 0; i < 17; i++) {
            Files.copy(TestFiles.photo("skimage_coins.png"), folder.resolve("plain-" + i + ".png"));
        }
        for (String name : accented) {
            // This JVM runs in UTF-8, so the names are written as UTF-8 bytes, as a phone or a file manager does.
            Files.copy(TestFiles.photo("skimage_coins.png"), folder.resolve(name));
        }
        Path session = work.resolve("c-locale.haski-session");

        JarProcess.Result run = JarProcess.runJar(work, C_LOCALE, Duration.ofSeconds(120), "review",
                folder.toString(), "--session", session.toString(), "--threads", "2");

        assertThat(run.err()).as(run.both()).contains("warning: file names are read as", "not UTF-8",
                "LANG=C.UTF-8").doesNotContain("Exception", "\tat ");
        assertThat(run.exit()).as(run.both()).isEqualTo(3);
        assertThat(run.err()).as(run.both()).contains("Analysed 22 photos", "17 succeeded, 5 failed");
        assertThat(count(session, "SELECT COUNT(*) FROM analysis")).isEqualTo(22);
        assertThat(count(session, "SELECT COUNT(*) FROM analysis WHERE error_code = 'FILE_NAME_ENCODING'"))
                .isEqualTo(5);
        assertThat(count(session, "SELECT COUNT(*) FROM analysis WHERE error_code IS NULL")).isEqualTo(17);
    }

    @Test
    void namesThatAreNotUtf8UnderAUtf8LocaleAreFailuresNotGoneFromTheFolder() throws Exception {
        Path folder = Files.createDirectories(work.resolve("bytes"));
        Files.copy(TestFiles.photo("skimage_coins.png"), folder.resolve("plain.png"));
        // Latin-1 bytes (0xE9, 0xE8) are not UTF-8; Java cannot make such names, bash can.
        Process copy = new ProcessBuilder("bash", "-c", "cd \"$1\" && cp plain.png $'bad\\xe9.png' "
                + "&& cp plain.png $'bad\\xe8.png' && cp plain.png $'caf\\xc3\\xa9.png'", "bash", folder.toString())
                .inheritIO().start();
        assertThat(copy.waitFor(30, TimeUnit.SECONDS) && copy.exitValue() == 0).as("bash made the names").isTrue();
        Path session = work.resolve("utf8.haski-session");

        JarProcess.Result run = JarProcess.runJar(work, UTF8_LOCALE, Duration.ofSeconds(120), "review",
                folder.toString(), "--session", session.toString(), "--threads", "2");

        assertThat(run.err()).as(run.both()).doesNotContain("file names are read as", "gone from the folder",
                "Exception");
        assertThat(run.exit()).as(run.both()).isEqualTo(3);
        // bad\xe9 and bad\xe8 both read as "bad\uFFFD.png": one is listed and fails, the other is named as a problem.
        assertThat(run.err()).as(run.both()).contains("another file's name reads the same", "2 succeeded, 1 failed");
        assertThat(count(session, "SELECT COUNT(*) FROM analysis WHERE error_code = 'FILE_NAME_ENCODING'"))
                .isEqualTo(1);
        assertThat(count(session, "SELECT COUNT(*) FROM photo WHERE state = 'missing'")).isZero();
    }

    private static int count(Path session, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + session);
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : -1;
        }
    }
}
