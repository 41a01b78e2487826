package ai.haski.desktop.session;

/**
 * A session problem the user can act on; the message names the session file or folder and says what to do.
 */
public class SessionException extends Exception {
    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
