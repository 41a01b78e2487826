package ai.haski.desktop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNameEncodingTest {
    @Test
    void anAsciiFileNameEncodingIsWarnedAboutWithWhatToDo() {
        assertThat(FileNameEncoding.warning("ANSI_X3.4-1968", "Linux")).hasValueSatisfying(warning -> assertThat(
                warning).contains("ANSI_X3.4-1968", "not UTF-8", "LANG=C.UTF-8"));
    }

    @Test
    void utf8AndWindowsNeedNoWarning() {
        assertThat(FileNameEncoding.warning("UTF-8", "Linux")).isEmpty();
        assertThat(FileNameEncoding.warning("utf8", "Mac OS X")).isEmpty();
        assertThat(FileNameEncoding.warning("Cp1252", "Windows 11")).isEmpty();
    }

    @Test
    void aNameThatLostBytesIsRecognised() {
        assertThat(FileNameEncoding.lostBytes("bad\uFFFD.png")).isTrue();
        assertThat(FileNameEncoding.lostBytes("café.png")).isFalse();
    }
}
