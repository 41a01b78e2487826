package ai.haski.desktop.session.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How far the reviewers agree with each other on one head, over the photos two or more of them reviewed: Cohen's
 * kappa when the head has exactly two reviewers, Fleiss' kappa when it has more, and every photo where they differ,
 * to adjudicate.
 *
 * @param reviewers everyone with a verdict on this head, sorted
 * @param method {@code cohen} or {@code fleiss}; empty with fewer than two reviewers
 * @param photos how many photos have verdicts from two or more reviewers
 * @param unanimous how many of those have the same label from all of them
 */
public record HeadAgreement(String head, List<String> reviewers, Optional<String> method, long photos,
        long unanimous, OptionalDouble kappa, List<Disagreement> disagreements) {

    public HeadAgreement {
        reviewers = List.copyOf(reviewers);
        disagreements = List.copyOf(disagreements);
    }

    /** A photo the reviewers labelled differently: each reviewer's current label. */
    public record Disagreement(String file, Map<String, String> labels) {}
}
