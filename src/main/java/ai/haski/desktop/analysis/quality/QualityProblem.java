package ai.haski.desktop.analysis.quality;

import java.util.Objects;

/** One thing wrong with the photo, with a sentence for the user that says what was seen and what to do. */
public record QualityProblem(QualityCode code, String message) {
    public QualityProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
