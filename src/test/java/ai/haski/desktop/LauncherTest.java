package ai.haski.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.cli.HaskiCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher makes of its arguments: the window with photos and folders, or a command, or a usage error. */
class LauncherTest {
    @TempDir
    Path dir;

    /** Records what the window was asked to open, instead of opening it. */
    private final List<List<Path>> opened = new ArrayList<>();

    private int launch(String... args) {
        return Launcher.run(paths -> {
            opened.add(paths);
            return 0;
        }, args);
    }

    @Test
    void photosAndFoldersNamedAloneOpenTheWindowWithThem() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jpg"), "x");
        Path b = Files.writeString(dir.resolve("b.jpg"), "x");
        Path folder = Files.createDirectories(dir.resolve("clinic"));

        assertThat(launch(a.toString())).isZero();
        assertThat(launch(folder.toString())).isZero();
        assertThat(launch(a.toString(), b.toString())).isZero();

        assertThat(opened).containsExactly(List.of(a), List.of(folder), List.of(a, b));
    }

    @Test
    void noArgumentsALoneOpenAndOpenWithFilesStillOpenTheWindow() {
        assertThat(launch()).isZero();
        assertThat(launch("--open")).isZero();
        assertThat(launch("--open", "analyze", "missing.jpg")).isZero();

        assertThat(opened).containsExactly(List.of(), List.of(),
                List.of(Path.of("analyze").toAbsolutePath(), Path.of("missing.jpg").toAbsolutePath()));
    }

    @Test
    void aRelativePathIsMadeAbsolute() throws Exception {
        Path here = Files.createTempFile(Path.of("").toAbsolutePath().resolve("target"), "launch", ".jpg");
        try {
            String relative = Path.of("").toAbsolutePath().relativize(here).toString();
            assertThat(launch(relative)).isZero();
            assertThat(opened).containsExactly(List.of(here));
        } finally {
            Files.delete(here);
        }
    }

    @Test
    void commandNamesKeepPriority() {
        StringWriter out = new StringWriter();
        int exit = HaskiCommand.run(paths -> {
            opened.add(paths);
            return 0;
        }, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "bench", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: haski-desktop bench");
        assertThat(opened).isEmpty();
    }

    @Test
    void aWordThatIsNeitherACommandNorAPathIsAUsageErrorThatNamesItAndSuggests() throws Exception {
        Path photo = Files.writeString(dir.resolve("a.jpg"), "x");
        StringWriter err = new StringWriter();
        int exit = HaskiCommand.run(paths -> {
            opened.add(paths);
            return 0;
        }, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), photo.toString(), "bech");

        assertThat(exit).isEqualTo(usualUsageErrorExit());
        assertThat(err.toString()).contains("Unmatched argument at index 1: 'bech' (neither a command nor a photo or "
                + "folder that exists)").contains("Did you mean: haski-desktop bench");
        assertThat(opened).isEmpty();
    }

    @Test
    void aMissingPhotoIsAUsageErrorWithTheUsageAndNoCommandSuggested() {
        StringWriter err = new StringWriter();
        int exit = HaskiCommand.run(paths -> {
            opened.add(paths);
            return 0;
        }, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "/no/such/photo.jpg");

        assertThat(exit).isEqualTo(usualUsageErrorExit());
        assertThat(err.toString()).contains("Unmatched argument at index 0: '/no/such/photo.jpg' (no such photo or "
                + "folder)").doesNotContain("Did you mean")
                .contains("Usage: haski-desktop [-hV] [PHOTO|FOLDER...] [COMMAND]");
        assertThat(opened).isEmpty();
    }

    @Test
    void aMistakeOnTheCommandLineExitsWithTheUsageStatusTheHelpNames() {
        assertThat(usualUsageErrorExit()).isEqualTo(HaskiCommand.USAGE);
    }

    /** The exit status picocli gives any other usage error, here an unknown option. */
    private static int usualUsageErrorExit() {
        return HaskiCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "--no-such-option");
    }
}
