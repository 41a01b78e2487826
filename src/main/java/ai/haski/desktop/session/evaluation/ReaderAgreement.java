package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Agreement between reviewers, per head, from each reviewer's current verdict. It compares readers with each other,
 * not with the model; an accepted verdict counts as the label accepted.
 */
final class ReaderAgreement {
    private ReaderAgreement() {}

    /**
     * @param knownLabels each head's labels in the manifest's order, for a stable table; labels the reviewers used
     *     that are not there still count, after them
     */
    static List<HeadAgreement> of(ReaderVerdicts verdicts, Map<String, List<String>> knownLabels) {
        List<HeadAgreement> heads = new ArrayList<>();
        for (String head : verdicts.heads()) {
            heads.add(head(head, verdicts, knownLabels.getOrDefault(head, List.of())));
        }
        return heads;
    }

    private static HeadAgreement head(String head, ReaderVerdicts verdicts, List<String> known) {
        TreeSet<String> reviewers = new TreeSet<>();
        List<String> labels = new ArrayList<>(known);
        Map<String, Map<String, String>> multiplyRead = new LinkedHashMap<>();
        verdicts.byPhoto().forEach((file, byHead) -> {
            List<Verdict> current = byHead.getOrDefault(head, List.of());
            Map<String, String> byReviewer = new LinkedHashMap<>();
            for (Verdict verdict : current) {
                reviewers.add(verdict.reviewer());
                byReviewer.put(verdict.reviewer(), verdict.label());
                if (!labels.contains(verdict.label())) {
                    labels.add(verdict.label());
                }
            }
            if (byReviewer.size() >= 2) {
                multiplyRead.put(file, byReviewer);
            }
        });
        List<HeadAgreement.Disagreement> disagreements = new ArrayList<>();
        multiplyRead.forEach((file, byReviewer) -> {
            if (byReviewer.values().stream().distinct().count() > 1) {
                disagreements.add(new HeadAgreement.Disagreement(file, byReviewer));
            }
        });
        long unanimous = multiplyRead.size() - disagreements.size();
        List<String> names = List.copyOf(reviewers);
        if (names.size() < 2) {
            return new HeadAgreement(head, names, Optional.empty(), multiplyRead.size(), unanimous,
                    OptionalDouble.empty(), disagreements);
        }
        if (names.size() == 2) {
            long[][] table = new long[labels.size()][labels.size()];
            multiplyRead.values().forEach(byReviewer -> table[labels.indexOf(byReviewer.get(names.get(0)))]
                    [labels.indexOf(byReviewer.get(names.get(1)))]++);
            return new HeadAgreement(head, names, Optional.of("cohen"), multiplyRead.size(), unanimous,
                    CohenKappa.of(table), disagreements);
        }
        long[][] counts = new long[multiplyRead.size()][labels.size()];
        int photo = 0;
        for (Map<String, String> byReviewer : multiplyRead.values()) {
            for (String label : byReviewer.values()) {
                counts[photo][labels.indexOf(label)]++;
            }
            photo++;
        }
        return new HeadAgreement(head, names, Optional.of("fleiss"), multiplyRead.size(), unanimous,
                FleissKappa.of(counts), disagreements);
    }
}
