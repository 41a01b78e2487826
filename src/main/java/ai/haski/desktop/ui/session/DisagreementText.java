package ai.haski.desktop.ui.session;

import ai.haski.desktop.session.Disagreement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the store's disagreements (one per photo and head) into one line per photo for the table. */
final class DisagreementText {
    private DisagreementText() {}

    /** By photo id: "skin_type oily 62% ≠ dry 48%; hair_type …", the first model's label first. */
    static Map<Long, String> byPhoto(List<Disagreement> found) {
        Map<Long, String> text = new LinkedHashMap<>();
        for (Disagreement d : found) {
            String part = String.format(Locale.ROOT, "%s %s %.0f%% ≠ %s %.0f%%", d.head(), d.labelA(),
                    d.probabilityA() * 100, d.labelB(), d.probabilityB() * 100);
            text.merge(d.photoId(), part, (before, more) -> before + "; " + more);
        }
        return text;
    }
}
