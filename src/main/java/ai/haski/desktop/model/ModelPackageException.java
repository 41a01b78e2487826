package ai.haski.desktop.model;

import java.nio.file.Path;

/** A model package that cannot be used: names the file, the manifest field where one applies, and the problem. */
public class ModelPackageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    public ModelPackageException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    public ModelPackageException(Path file, String field, String problem, Throwable cause) {
        super(describe(file, field, problem), cause);
        this.file = file;
        this.field = field;
    }

    /** The file at fault: the manifest, or the weights or test file it names. */
    public Path file() {
        return file;
    }

    /** The manifest field at fault, or null when the problem is not one field's. */
    public String field() {
        return field;
    }

    private static String describe(Path file, String field, String problem) {
        StringBuilder text = new StringBuilder().append(file);
        if (field != null) {
            text.append(": field '").append(field).append('\'');
        }
        return text.append(": ").append(problem).toString();
    }
}
