package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.RequiredTool;
import ai.haski.desktop.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} of a session that lies on a read-only file system (a write-protected share, a DVD): a real
 * read-only bind mount in a private mount namespace, since root, who runs CI here, ignores folder permissions.
 */
class ReadOnlySessionIT {
    @TempDir
    Path work;

    @Test
    void aSessionInAReadOnlyFolderIsExportedAndLeftAsItWas() throws Exception {
        RequiredTool.UNSHARE_MOUNT.assume();
        Path photos = Files.createDirectories(work.resolve("photos"));
        Files.copy(TestFiles.photo("skimage_coins.png"), photos.resolve("coins.png"));
        Files.copy(TestFiles.photo("skimage_rocket.jpg"), photos.resolve("rocket.jpg"));
        Path shelf = Files.createDirectories(work.resolve("shelf"));
        Path session = shelf.resolve("study.haski-session");
        JarProcess.Result review = JarProcess.runJar(work, List.of(), Duration.ofSeconds(120), "review",
                photos.toString(), "--session", session.toString());
        assertThat(review.exit()).as(review.both()).isZero();
        byte[] before = Files.readAllBytes(session);
        Path out = work.resolve("results.csv");
        String java = "'" + JarProcess.java() + "' '-Dhaski.data.dir=" + work.resolve("user-data") + "' -jar '"
                + JarProcess.jar() + "'";
        String script = "mount --bind '" + shelf + "' '" + shelf + "' && mount -o remount,bind,ro '" + shelf + "' '"
                + shelf + "' && if touch '" + shelf + "/probe' 2>/dev/null; then echo 'still writable'; exit 9; fi; "
                + java + " export --session '" + session + "' --out '" + out + "'";

        JarProcess.Result export = JarProcess.run(work, List.of("unshare", "-rm", "sh", "-c", script),
                Duration.ofSeconds(120));

        assertThat(export.exit()).as(export.both()).isZero();
        assertThat(export.err()).contains("Exported 2 photos (2 results)").doesNotContain("SQLITE");
        assertThat(Files.readAllLines(out)).hasSize(3);
        assertThat(Files.readAllBytes(session)).isEqualTo(before);
        try (var files = Files.list(shelf)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("study.haski-session");
        }
    }
}
