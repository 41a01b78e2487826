package ai.haski.desktop.server;

/**
 * The name the client gave its upload, reduced to a plain file name that is safe to report back and to log: the
 * last segment after any {@code /} or {@code \}, refused when it is empty, {@code .} or {@code ..}, or holds a
 * control character (an encoded NUL or newline in {@code filename*=} arrives decoded).
 */
final class UploadName {
    static final String DEFAULT = "upload";
    private static final int MAX_CHARS = 255;

    private UploadName() {}

    static String of(String given) throws ApiException {
        if (given == null) {
            return DEFAULT;
        }
        if (LogText.hasControl(given)) {
            throw refused("it holds a control character (such as NUL or a line break)");
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw refused("it names no file");
        }
        if (name.length() > MAX_CHARS) {
            throw refused("it is longer than " + MAX_CHARS + " characters");
        }
        return name;
    }

    private static ApiException refused(String why) {
        return new ApiException(new ApiError(400, "BAD_FILE_NAME",
                "the upload's file name cannot be used: " + why + "; name the file plainly, e.g. photo.jpg"));
    }
}
