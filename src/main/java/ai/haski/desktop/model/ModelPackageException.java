package ai.haski.desktop.model;

import java.nio.file.Path;

/** A model package that cannot be used: names the file, the manifest field where one applies, and the problem. */
public class ModelPackageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient ManifestProblem problem;

    public ModelPackageException(Path file, ManifestProblem problem) {
        this(file, problem, null);
    }

    public ModelPackageException(Path file, ManifestProblem problem, Throwable cause) {
        super(describe(file, problem), cause);
        this.file = file;
        this.problem = problem;
    }

    /** A problem with the files beside the manifest, worded by whoever found it. */
    public ModelPackageException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    public ModelPackageException(Path file, String field, String problem, Throwable cause) {
        this(file, ManifestProblem.of(field, ManifestProblem.Code.PACKAGE_FILE, problem), cause);
    }

    /** The file at fault: the manifest, or the weights or test file it names. */
    public Path file() {
        return file;
    }

    /** The manifest field at fault, or null when the problem is not one field's. */
    public String field() {
        return problem.field();
    }

    /** The problem as values (field, code, arguments), for a caller that words it itself. */
    public ManifestProblem problem() {
        return problem;
    }

    private static String describe(Path file, ManifestProblem problem) {
        StringBuilder text = new StringBuilder().append(file);
        if (problem.field() != null) {
            text.append(": field '").append(problem.field()).append('\'');
        }
        return text.append(": ").append(problem.text()).toString();
    }
}
