package ai.haski.desktop.analysis;

/** Told after each run of an explanation, so a face can show a progress bar; called on the explaining thread. */
@FunctionalInterface
public interface ExplainProgress {
    /** Reports nothing. */
    ExplainProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} occluded runs are finished (0 before the first). */
    void update(int done, int total);
}
