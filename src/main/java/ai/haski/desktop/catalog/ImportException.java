package ai.haski.desktop.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** An import that was refused (with the problems found) or failed while writing or proving the package. */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        super(problems.stream().map(ImportProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public ImportException(ImportProblem problem) {
        this(List.of(problem));
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** The problems per field; empty when the failure was not about one field (e.g. the disk). */
    public List<ImportProblem> problems() {
        return problems;
    }
}
