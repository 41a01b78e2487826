package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.Blinding;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.Reveal;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each reviewer's current verdict on each photo and head: the latest that reviewer gave, since a reviewer who
 * changed their mind meant the later answer. Earlier verdicts stay in the session's history but count for nothing
 * here.
 *
 * @param byPhoto photo path to head to that head's current verdicts, one per reviewer, oldest first
 */
record ReaderVerdicts(Map<String, Map<String, List<Verdict>>> byPhoto) {

    static ReaderVerdicts read(Session session) throws SessionException {
        return read(session, false);
    }

    /**
     * As {@link #read(Session)}; with {@code blindOnly}, only verdicts given blind count (in a blinded session, before
     * the reviewer was shown the head's model output), and a reviewer's latest blind verdict is theirs: a change of
     * mind after seeing the model's answer is not a blind reading.
     */
    static ReaderVerdicts read(Session session, boolean blindOnly) throws SessionException {
        Map<String, Map<String, List<Verdict>>> byPhoto = new LinkedHashMap<>();
        List<Blinding.ModeChange> modes = blindOnly ? session.blinding().history() : List.of();
        for (Photo photo : session.photos().all()) {
            List<Verdict> history = session.reviews().verdictHistory(photo.id());
            if (blindOnly && !history.isEmpty()) {
                List<Reveal> reveals = session.blinding().reveals(photo.id());
                history = history.stream().filter(v -> Blinding.givenBlind(v, reveals, modes)).toList();
            }
            if (history.isEmpty()) {
                continue;
            }
            Map<String, Map<String, Verdict>> latest = new LinkedHashMap<>();
            for (Verdict verdict : history) {
                Map<String, Verdict> byReviewer = latest.computeIfAbsent(verdict.head(), h -> new LinkedHashMap<>());
                byReviewer.remove(verdict.reviewer());
                byReviewer.put(verdict.reviewer(), verdict);
            }
            Map<String, List<Verdict>> heads = new LinkedHashMap<>();
            latest.forEach((head, byReviewer) -> {
                List<Verdict> current = new ArrayList<>(byReviewer.values());
                current.sort(Comparator.comparingLong(Verdict::id));
                heads.put(head, List.copyOf(current));
            });
            byPhoto.put(photo.relativePath(), heads);
        }
        return new ReaderVerdicts(byPhoto);
    }

    /** Every head some reviewer gave a verdict on, sorted. */
    List<String> heads() {
        TreeSet<String> heads = new TreeSet<>();
        byPhoto.values().forEach(h -> heads.addAll(h.keySet()));
        return List.copyOf(heads);
    }
}
