package ai.haski.desktop.inference;

/** A runtime failed to load a model or to run it; the message says which and why. */
public class InferenceException extends Exception {
    private static final long serialVersionUID = 1L;

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
