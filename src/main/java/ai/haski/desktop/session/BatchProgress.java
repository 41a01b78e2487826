package ai.haski.desktop.session;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a batch run, for a progress bar and the summary at the end.
 *
 * @param total photos this run set out to analyse (those without a result from the model yet)
 * @param done photos finished in this run, whatever the outcome
 * @param failed of those, how many could not be analysed (each stored with its error)
 * @param missing of those, how many had gone from the folder (marked missing, nothing stored)
 * @param alreadyAnalysed photos skipped because the model had analysed them before
 * @param ratePerSecond photos finished per second of running (pauses not counted)
 * @param remaining estimated time left, once a rate is known
 */
public record BatchProgress(BatchState state, int total, int done, int failed, int missing, int alreadyAnalysed,
        Duration elapsed, double ratePerSecond, Optional<Duration> remaining) {

    /** Photos analysed with a result in this run. */
    public int succeeded() {
        return done - failed - missing;
    }
}
