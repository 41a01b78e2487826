package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The operating system's reasons for not opening a file, as the user sees them (testable even as root). */
class ImageFileAccessTest {
    private final Path file = Path.of("/photos/visit-3/lesion.jpg");

    @Test
    void permissionDenied() {
        ImageDecodeException failure = ImageFileAccess.openFailure(file, new AccessDeniedException(file.toString()));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.UNREADABLE);
        assertThat(failure).hasMessage("Cannot use lesion.jpg: this app is not allowed to read it (permission "
                + "denied). Check the file's permissions, or copy it to a folder you can read.");
    }

    @Test
    void vanished() {
        ImageDecodeException failure = ImageFileAccess.openFailure(file, new NoSuchFileException(file.toString()));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.FILE_NOT_FOUND);
        assertThat(failure).hasMessageContaining("lesion.jpg");
    }

    @Test
    void anyOtherInputOutputError() {
        ImageDecodeException failure = ImageFileAccess.openFailure(file, new IOException("Input/output error"));

        assertThat(failure.code()).isEqualTo(ImageErrorCode.READ_FAILED);
        assertThat(failure).hasMessageContaining("lesion.jpg").hasMessageContaining("Input/output error")
                .hasMessageContaining("try again");
        assertThat(failure.file()).isEqualTo(file);
    }
}
