package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Reviews;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import ai.haski.desktop.session.StoredResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A labels file imported as one reviewer's verdicts on one model's results: a label that is the model's top label
 * becomes an accept, any other an override, so the session's verdicts (and reader agreement, and an evaluation by
 * that reviewer) include labels collected outside the app. The file is read as {@link LabelsFileTruth} reads it;
 * what it cannot use is reported, never guessed, and so is a photo with a label but no result to attach it to.
 */
public final class LabelsImport {
    /**
     * What was imported.
     *
     * @param verdicts the verdicts recorded
     * @param photos the photos they are on
     * @param problems what was left out and why, one line each
     */
    public record Outcome(int verdicts, int photos, List<String> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    private LabelsImport() {}

    /**
     * Reads the labels file and records its labels as {@code reviewer}'s verdicts on {@code model}'s results, in one
     * transaction.
     *
     * @throws IllegalArgumentException when the file is not CSV or has no {@code file} column (nothing recorded)
     */
    public static Outcome run(Session session, Path file, ModelKey model, String reviewer)
            throws IOException, SessionException {
        List<StoredResult> results = session.results().byModel(model);
        GroundTruth labels = LabelsFileTruth.read(file, session.photos().all(), ModelHeads.of(results));
        List<String> problems = new ArrayList<>(labels.problems());
        Map<String, StoredResult> byFile = new HashMap<>();
        results.forEach(result -> byFile.put(result.relativePath(), result));
        List<Reviews.Labelled> labelled = new ArrayList<>();
        int photos = 0;
        for (Map.Entry<String, Map<String, String>> photo : labels.labels().entrySet()) {
            StoredResult result = byFile.get(photo.getKey());
            if (result == null || !result.succeeded()) {
                problems.add(photo.getKey() + ": no result from " + model.describe() + " to give the verdicts on ("
                        + (result == null ? "not analysed; run review first" : "its analysis failed") + "), left out");
                continue;
            }
            photos++;
            photo.getValue().forEach((head, label) -> labelled.add(new Reviews.Labelled(result.analysisId(), head,
                    label)));
        }
        session.reviews().recordAll(labelled, reviewer);
        return new Outcome(labelled.size(), photos, problems);
    }
}
