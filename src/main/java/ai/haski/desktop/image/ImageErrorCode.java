package ai.haski.desktop.image;

/** Why a file could not be turned into an image, as a stable code that sessions, exports and the CLI may store. */
public enum ImageErrorCode {
    FILE_NOT_FOUND("FILE_NOT_FOUND"),
    NOT_A_REGULAR_FILE("NOT_A_REGULAR_FILE"),
    UNREADABLE("UNREADABLE"),
    EMPTY_FILE("EMPTY_FILE"),
    READ_FAILED("READ_FAILED"),
    UNSUPPORTED_FORMAT("UNSUPPORTED_FORMAT"),
    /** A format the app reads, but not on this system: its decoder library (libheif for HEIC and AVIF) is missing. */
    DECODER_MISSING("DECODER_MISSING"),
    IMAGE_TOO_LARGE("IMAGE_TOO_LARGE"),
    INVALID_DIMENSIONS("INVALID_DIMENSIONS"),
    CORRUPT_IMAGE("CORRUPT_IMAGE"),
    OUT_OF_MEMORY("OUT_OF_MEMORY");

    // Spelled out rather than derived from name() so that renaming a constant cannot change stored codes.
    private final String code;

    ImageErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
