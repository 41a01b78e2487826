package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.HeadSummary;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.StoredResult;
import ai.haski.desktop.session.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Evaluates models of a session against a truth: pairs each photo's truth with the model's top label and
 * confidence, per head, and works out the statistics; adds the reviewers' agreement with each other.
 */
public final class SessionEvaluator {
    private final Session session;

    public SessionEvaluator(Session session) {
        this.session = session;
    }

    /** Each head the models have, with its labels in the manifest's order (a labels file is checked against it). */
    public Map<String, List<String>> heads(List<ModelKey> models) throws SessionException {
        List<Map<String, List<String>>> each = new ArrayList<>();
        for (ModelKey model : models) {
            each.add(ModelHeads.of(session.results().byModel(model)));
        }
        return ModelHeads.union(each);
    }

    public EvaluationReport evaluate(List<ModelKey> models, GroundTruth truth) throws SessionException {
        return evaluate(models, truth, file -> true);
    }

    /** As {@link #evaluate(List, GroundTruth)}, with the reviewers' agreement over the photos {@code files} keeps. */
    EvaluationReport evaluate(List<ModelKey> models, GroundTruth truth, Predicate<String> files)
            throws SessionException {
        List<ModelEvaluation> evaluations = new ArrayList<>();
        for (ModelKey model : models) {
            evaluations.add(evaluate(model, truth));
        }
        Map<String, Map<String, List<Verdict>>> read = new LinkedHashMap<>();
        ReaderVerdicts.read(session).byPhoto().forEach((file, heads) -> {
            if (files.test(file)) {
                read.put(file, heads);
            }
        });
        return new EvaluationReport(evaluations, truth, ReaderAgreement.of(new ReaderVerdicts(read), heads(models)));
    }

    private ModelEvaluation evaluate(ModelKey model, GroundTruth truth) throws SessionException {
        List<StoredResult> results = session.results().byModel(model);
        Map<String, StoredResult> byFile = new HashMap<>();
        results.forEach(result -> byFile.put(result.relativePath(), result));
        List<HeadEvaluation> heads = new ArrayList<>();
        ModelHeads.of(results).forEach((head, labels) -> {
            List<ScoredPhoto> scored = new ArrayList<>();
            List<String> withoutResult = new ArrayList<>();
            // By path, as the session lists its photos, so that reports are in the same order whatever the source.
            new TreeMap<>(truth.labels()).forEach((file, byHead) -> {
                String label = byHead.get(head);
                if (label == null) {
                    return;
                }
                Optional<HeadSummary> summary = Optional.ofNullable(byFile.get(file))
                        .filter(StoredResult::succeeded).flatMap(result -> result.head(head));
                summary.ifPresentOrElse(s -> scored.add(new ScoredPhoto(file, label, s.topLabel(),
                        s.topProbability())), () -> withoutResult.add(file));
            });
            heads.add(HeadEvaluation.of(head, labels, scored, withoutResult));
        });
        List<String> runtimes = results.stream().filter(StoredResult::succeeded)
                .map(result -> (result.runtime() + " " + result.runtimeVersion()).strip()).distinct().toList();
        return new ModelEvaluation(model, runtimes, heads);
    }
}
