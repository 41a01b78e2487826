package ai.haski.desktop.server;

/** Ends a request with an error answer. */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ApiError error;

    ApiException(ApiError error) {
        super(error.message());
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
