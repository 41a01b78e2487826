package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.PhotoState;
import ai.haski.desktop.session.ReviewState;

/**
 * The status bar's counts over a session's rows, kept up to date row by row (a result or verdict replaces one row)
 * so that a batch over 10,000 photos never recounts them all.
 */
final class SessionCounts {
    private int total;
    private int analysed;
    private int reviewed;
    private int flagged;
    private int errors;
    private int missing;

    void clear() {
        total = analysed = reviewed = flagged = errors = missing = 0;
    }

    void add(ReviewRow row) {
        count(row, 1);
    }

    void remove(ReviewRow row) {
        count(row, -1);
    }

    private void count(ReviewRow row, int sign) {
        total += sign;
        analysed += row.analysed() ? sign : 0;
        reviewed += row.reviewState() == ReviewState.ACCEPTED || row.reviewState() == ReviewState.OVERRIDDEN
                ? sign : 0;
        flagged += row.flagged() ? sign : 0;
        errors += row.error().isEmpty() ? 0 : sign;
        missing += row.photo().state() == PhotoState.MISSING ? sign : 0;
    }

    /** E.g. "120 photos · 100 analysed · 20 reviewed · 2 flagged · 1 error · 0 missing". */
    String text() {
        return total + " photos · " + analysed + " analysed · " + reviewed + " reviewed · " + flagged + " flagged · "
                + errors + (errors == 1 ? " error" : " errors") + " · " + missing + " missing";
    }
}
