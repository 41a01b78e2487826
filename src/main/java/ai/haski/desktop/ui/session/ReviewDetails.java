package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.HeadSummary;
import ai.haski.desktop.session.Note;
import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.StoredResult;
import ai.haski.desktop.session.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the review pane shows of one photo besides its picture, read from the store in one go off the UI thread. */
record ReviewDetails(ReviewState state, List<HeadReview> heads, String note, String text) {

    static ReviewDetails read(Session session, ReviewRow row) throws SessionException {
        return read(session, row, false, "");
    }

    /**
     * In blinded reading ({@code blinded}), only {@code reviewer}'s own verdicts are shown (another reader's label
     * would tell them an answer too), and a head's model output is hidden until they have labelled it or it was shown
     * to them before.
     */
    static ReviewDetails read(Session session, ReviewRow row, boolean blinded, String reviewer)
            throws SessionException {
        long id = row.photoId();
        List<Verdict> history = session.reviews().verdictHistory(id);
        Set<String> revealed = new HashSet<>();
        if (blinded) {
            history = history.stream().filter(v -> v.reviewer().equals(reviewer)).toList();
            session.blinding().reveals(id).stream().filter(r -> r.reviewer().equals(reviewer))
                    .forEach(r -> revealed.add(r.head()));
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        history.forEach(verdict -> verdicts.put(verdict.head(), verdict));
        List<HeadReview> heads = new ArrayList<>();
        StoredResult result = row.result().filter(StoredResult::succeeded).orElse(null);
        if (result != null) {
            for (HeadSummary head : result.heads()) {
                List<Verdict> mine = history.stream().filter(v -> v.head().equals(head.head())).toList();
                heads.add(new HeadReview(head.head(), head.topLabel(), head.topProbability(),
                        result.labels(head.head()), Optional.ofNullable(verdicts.get(head.head())), mine.size(),
                        historyText(mine), blinded && !verdicts.containsKey(head.head())
                                && !revealed.contains(head.head())));
            }
        }
        String note = session.reviews().currentNote(id).map(Note::text).orElse("");
        String text;
        if (row.result().isEmpty()) {
            text = "Not analysed yet: run the batch (Session > Analyse all).";
        } else if (result == null) {
            StoredResult failed = row.result().get();
            text = "The analysis failed: " + failed.errorCode().orElse("") + " " + failed.errorMessage().orElse("")
                    + "\nYou can still flag the photo or write a note.";
        } else {
            text = "Made by " + result.model().describe() + " (" + result.runtime() + ")";
        }
        return new ReviewDetails(session.reviews().state(id), heads, note, text);
    }

    private static String historyText(List<Verdict> history) {
        StringBuilder text = new StringBuilder();
        for (Verdict verdict : history) {
            text.append(verdict.at()).append("  ").append(verdict.reviewer()).append(": ")
                    .append(verdict.action().name().toLowerCase(Locale.ROOT)).append(' ').append(verdict.label())
                    .append('\n');
        }
        return text.toString().strip();
    }
}
