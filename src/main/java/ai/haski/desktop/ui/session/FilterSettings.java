package ai.haski.desktop.ui.session;

import java.util.Map;

/**
 * What the filters compare with: the confidence threshold (0 to 1), the head and label of the label filter (null
 * until chosen), and the photos where the two chosen models disagree, with the text that says how.
 */
record FilterSettings(double threshold, String head, String label, Map<Long, ?> disagreements) {
    FilterSettings {
        disagreements = Map.copyOf(disagreements);
    }
}
