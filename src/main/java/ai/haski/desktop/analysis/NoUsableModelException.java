package ai.haski.desktop.analysis;

/** No model package can serve the request; the message names what was asked for and what exists. */
public class NoUsableModelException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoUsableModelException(String message) {
        super(message);
    }
}
