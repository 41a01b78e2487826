package ai.haski.desktop.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that could not be decoded, with a stable {@link ImageErrorCode} and a message that names the file and says
 * what the user can do.
 *
 * <p>Checked on purpose: a folder review must survive one bad photo among thousands, so every caller is made to decide
 * what a failed file means for it instead of letting the failure end the whole batch.
 */
public final class ImageDecodeException extends Exception {
    private final ImageErrorCode code;
    private final transient Path file;

    /**
     * @param problem what is wrong, as a clause that follows "Cannot use photo.jpg: "
     * @param advice what the user can do about it, as a sentence
     */
    public ImageDecodeException(ImageErrorCode code, Path file, String problem, String advice) {
        this(code, file, problem, advice, null);
    }

    public ImageDecodeException(ImageErrorCode code, Path file, String problem, String advice, Throwable cause) {
        super("Cannot use " + displayName(file) + ": " + problem + ". " + advice, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.file = file;
    }

    public ImageErrorCode code() {
        return code;
    }

    public Path file() {
        return file;
    }

    /** The file's own name, which is what a user recognises; the full path stays available through {@link #file()}. */
    static String displayName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
