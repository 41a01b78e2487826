package ai.haski.desktop.server;

/** An error answer: the HTTP status, a stable code and a message that says what to do. */
record ApiError(int status, String code, String message) {

    /** The HTTP status that fits an analysis failure code. */
    static int statusForFailure(String code) {
        return switch (code) {
            case "IMAGE_TOO_LARGE", "OUT_OF_MEMORY" -> 413;
            case "FILE_NOT_FOUND" -> 404;
            case "UNREADABLE" -> 403;
            case "INFERENCE_FAILED", "INVALID_MODEL_OUTPUT", "INTERNAL_ERROR" -> 500;
            // region=face asked of a server that has no face detector: the server lacks it, not the request.
            case "NO_FACE_DETECTOR" -> 503;
            // Not an image, damaged, empty, too small, a pipe: the request carried something unusable.
            default -> 400;
        };
    }
}
