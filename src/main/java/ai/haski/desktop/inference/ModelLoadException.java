package ai.haski.desktop.inference;

/** No format of a model package could be loaded and proven; the message lists what failed for each. */
public class ModelLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }
}
