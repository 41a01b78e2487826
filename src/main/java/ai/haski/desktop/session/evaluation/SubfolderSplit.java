package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The evaluation once per top-level subfolder of the session's folder (a clinic, a phone, a visit), to show where a
 * model does worse: each subfolder's photos with their truth, measured and with the reviewers' agreement as the whole
 * report is. Photos directly in the folder form the group {@value #TOP}.
 */
public final class SubfolderSplit {
    /** The group of the photos directly in the session's folder. */
    public static final String TOP = ".";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SubfolderSplit() {}

    /** The top-level subfolder of a photo's relative path, or {@value #TOP}. */
    static String group(String relativePath) {
        int slash = relativePath.indexOf('/');
        return slash < 0 ? TOP : relativePath.substring(0, slash);
    }

    /**
     * One report per top-level subfolder that holds photos of the session, sorted by name ({@value #TOP} first). The
     * truth's problems stay with the whole truth (they are about the file, not a subfolder).
     */
    public static Map<String, EvaluationReport> evaluate(Session session, List<ModelKey> models, GroundTruth truth)
            throws SessionException {
        TreeSet<String> groups = new TreeSet<>();
        for (Photo photo : session.photos().all()) {
            groups.add(group(photo.relativePath()));
        }
        SessionEvaluator evaluator = new SessionEvaluator(session);
        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        for (String name : groups) {
            Map<String, Map<String, String>> labels = new TreeMap<>();
            truth.labels().forEach((file, heads) -> {
                if (group(file).equals(name)) {
                    labels.put(file, heads);
                }
            });
            GroundTruth part = new GroundTruth(truth.source(), truth.details(), labels, List.of());
            reports.put(name, evaluator.evaluate(models, part, file -> group(file).equals(name)));
        }
        return reports;
    }

    /**
     * The JSON of the split: {@code format} {@code haski-evaluation-by-subfolder}, the whole {@code truth} (source,
     * photos, problems), and {@code subfolders}: each subfolder's report as {@link EvaluationJson} writes one.
     */
    public static byte[] json(Map<String, EvaluationReport> reports, GroundTruth truth) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "haski-evaluation-by-subfolder");
        root.put("format_version", EvaluationJson.FORMAT_VERSION);
        ObjectNode whole = root.putObject("truth");
        whole.put("source", truth.source());
        truth.details().forEach(whole::put);
        whole.put("photos", truth.labels().size());
        ArrayNode problems = whole.putArray("problems");
        truth.problems().forEach(problems::add);
        ObjectNode subfolders = root.putObject("subfolders");
        reports.forEach((name, report) -> subfolders.set(name, EvaluationJson.tree(report)));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
