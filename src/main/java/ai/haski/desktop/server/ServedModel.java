package ai.haski.desktop.server;

import ai.haski.desktop.analysis.Analyzer;
import java.util.Optional;

/**
 * The model the server analyses with, or why there is none: a server without a usable model still starts, so
 * that it can say so (503 and the health endpoint) rather than leave clients guessing.
 */
public record ServedModel(Optional<Analyzer> analyzer, Optional<String> unavailableReason) {

    public static ServedModel of(Analyzer analyzer) {
        return new ServedModel(Optional.of(analyzer), Optional.empty());
    }

    public static ServedModel unavailable(String reason) {
        return new ServedModel(Optional.empty(), Optional.of(reason));
    }
}
