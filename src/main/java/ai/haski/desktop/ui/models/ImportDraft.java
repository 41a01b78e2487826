package ai.haski.desktop.ui.models;

import ai.haski.desktop.catalog.ImportRequest;
import ai.haski.desktop.ui.models.AddModelViewModel.Field;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the Add model fields as an import request, made on the UI thread and run in the background. Heads
 * typed in the dialog go to the importer as the labels file it reads from the command line too, written just
 * before and deleted just after.
 */
final class ImportDraft {
    private final ImportRequest request;
    private final Optional<Map<String, List<String>>> typedHeads;
    private final Path typedLabelsFile;

    /** @param typedLabelsFile where typed heads are written; null when there are none */
    ImportDraft(ImportRequest request, Optional<Map<String, List<String>>> typedHeads, Path typedLabelsFile) {
        this.request = request;
        this.typedHeads = typedHeads;
        this.typedLabelsFile = typedLabelsFile;
    }

    /** A field that cannot even be put into a request (e.g. a width that is not a number). */
    static final class FieldProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final Field field;

        FieldProblem(Field field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        Field field() {
            return field;
        }
    }

    /** What the importer does with a request, run in the background. */
    @FunctionalInterface
    interface Step<T> {
        T apply(ImportRequest request) throws Exception;
    }

    ImportRequest request() {
        return request;
    }

    /** Runs {@code step} on the request, with the typed heads' labels file in place while it runs. */
    <T> T run(Step<T> step) throws Exception {
        if (typedHeads.isEmpty()) {
            return step.apply(request);
        }
        HeadsText.write(typedHeads.get(), typedLabelsFile);
        try {
            return step.apply(request);
        } finally {
            deleteQuietly(typedLabelsFile);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            // a scratch file left in the cache folder
        }
    }
}
