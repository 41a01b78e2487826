package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.Disagreement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the store's disagreements (one per photo and head) into one pair of texts per photo for the table. */
final class DisagreementText {
    private DisagreementText() {}

    /** What each model said on the heads where they differ: "hair_type: wavy 70%; condition: healthy 64%". */
    record Sides(String first, String second) {
        /** Both sides, for one line of text. */
        String both() {
            return first + " ≠ " + second;
        }
    }

    /** By photo id, the first model's labels and the second's, head by head in the same order. */
    static Map<Long, Sides> byPhoto(List<Disagreement> found) {
        Map<Long, Sides> text = new LinkedHashMap<>();
        for (Disagreement d : found) {
            Sides part = new Sides(side(d.head(), d.labelA(), d.probabilityA()),
                    side(d.head(), d.labelB(), d.probabilityB()));
            text.merge(d.photoId(), part, (before, more) -> new Sides(before.first() + "; " + more.first(),
                    before.second() + "; " + more.second()));
        }
        return text;
    }

    private static String side(String head, String label, double probability) {
        return String.format(Locale.ROOT, "%s: %s %.0f%%", head, label, probability * 100);
    }
}
