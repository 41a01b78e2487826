package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import java.util.ArrayList;
import java.util.List;

/** The problems one proposal has found so far, shared by the steps that make it. */
final class ProblemList {
    private final List<ImportProblem> problems = new ArrayList<>();

    /** Thrown by a step once a problem makes the later steps meaningless; the list already says why. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    void add(String field, Code code, Object... arguments) {
        problems.add(ImportProblem.of(field, code, arguments));
    }

    void addAll(List<ImportProblem> more) {
        problems.addAll(more);
    }

    /** Adds the problem and stops the proposal. */
    Refused refuse(String field, Code code, Object... arguments) {
        add(field, code, arguments);
        return new Refused();
    }

    void stopIfAny() throws Refused {
        if (!problems.isEmpty()) {
            throw new Refused();
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<ImportProblem> all() {
        return List.copyOf(problems);
    }
}
