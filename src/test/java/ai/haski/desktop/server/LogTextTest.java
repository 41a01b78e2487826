package ai.haski.desktop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server logs of client text cannot forge a line, and a readable token file is named. */
class LogTextTest {
    @TempDir
    Path work;

    @Test
    void controlCharactersCannotForgeALogLine() {
        String forged = LogText.escape("a.png\n2026-01-01 INFO forged\r\u0000\u001b[31m\u2028");

        assertThat(forged).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000")
                .doesNotContain("\u001b").doesNotContain("\u2028")
                .isEqualTo("a.png\\n2026-01-01 INFO forged\\r\\u0000\\u001b[31m\\u2028");
        assertThat(LogText.escape("plain é 写真.jpg")).isEqualTo("plain é 写真.jpg");
    }

    @Test
    void aTokenFileOthersCanReadGetsAWarningAndAPrivateOneDoesNot() throws Exception {
        Path token = Files.writeString(work.resolve("token"), "0123456789abcdef0123456789abcdef");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(TokenFilePermissions.warning(token)).hasValueSatisfying(
                warning -> assertThat(warning).contains("every user").contains("chmod 600"));
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertThat(TokenFilePermissions.warning(token)).isEmpty();
    }
}
