package ai.haski.desktop.analysis;

import java.nio.file.Path;

/**
 * A file that could not be analysed: a stable machine-readable code (e.g. {@code CORRUPT_IMAGE}) and a message
 * that names the file and says what to do.
 */
public record AnalysisFailure(Path file, String code, String message) implements AnalysisOutcome, ExplainOutcome {}
