package ai.haski.desktop.analysis;

/** A model package was found but none of its formats could be loaded and proven; the message says why for each. */
public class ModelUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
