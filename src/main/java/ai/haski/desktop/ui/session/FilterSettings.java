package ai.haski.desktop.ui.session;

import java.util.Map;
import java.util.Set;

/**
 * What the filters compare with: the confidence threshold (0 to 1), the head and label of the label filter (null
 * until chosen), the photos where the two chosen models disagree, with the text that says how, and the photos
 * (relative paths) of the confusion-matrix cell last clicked in the Evaluation view.
 */
record FilterSettings(double threshold, String head, String label, Map<Long, ?> disagreements, Set<String> cellFiles) {
    FilterSettings {
        disagreements = Map.copyOf(disagreements);
        cellFiles = Set.copyOf(cellFiles);
    }
}
