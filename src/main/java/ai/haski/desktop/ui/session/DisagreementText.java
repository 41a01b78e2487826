package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.Disagreement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the store's disagreements (one per photo and head) into one pair of texts per photo for the table. */
final class DisagreementText {
    private DisagreementText() {}

    /**
     * The heads where the models differ ("hair_type, condition") and what each said on them, in the same order
     * ("wavy 70%, healthy 64%"): short enough for three table columns.
     */
    record Sides(String heads, String first, String second) {
        /** Everything, for one line of text. */
        String both() {
            return heads + ": " + first + " ≠ " + second;
        }
    }

    /** By photo id, the first model's labels and the second's, head by head in the same order. */
    static Map<Long, Sides> byPhoto(List<Disagreement> found) {
        Map<Long, Sides> text = new LinkedHashMap<>();
        for (Disagreement d : found) {
            Sides part = new Sides(d.head(), side(d.labelA(), d.probabilityA()), side(d.labelB(), d.probabilityB()));
            text.merge(d.photoId(), part, (before, more) -> new Sides(before.heads() + ", " + more.heads(),
                    before.first() + ", " + more.first(), before.second() + ", " + more.second()));
        }
        return text;
    }

    private static String side(String label, double probability) {
        return String.format(Locale.ROOT, "%s %.0f%%", label, probability * 100);
    }
}
