package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.session.ModelKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON form of an evaluation. With one model: {@code model}, {@code truth}, {@code heads} and
 * {@code agreement} at the top; with several, {@code models} holds a {@code model} and {@code heads} for each, in
 * the session's order. A statistic with no value is {@code null}, never NaN or 0, so a reader cannot mistake
 * "undefined" for "bad".
 */
public final class EvaluationJson {
    /** Bumped when a reader of the file would need to change. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationJson() {}

    public static byte[] bytes(EvaluationReport report) {
        try {
            return MAPPER.writeValueAsBytes(tree(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    static ObjectNode tree(EvaluationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "haski-evaluation");
        root.put("format_version", FORMAT_VERSION);
        if (report.models().size() == 1) {
            model(root, report.models().get(0));
        } else {
            ArrayNode models = root.putArray("models");
            report.models().forEach(m -> model(models.addObject(), m));
        }
        truth(root.putObject("truth"), report.truth());
        ObjectNode agreement = root.putObject("agreement");
        report.agreement().forEach(head -> agreement(agreement.putObject(head.head()), head));
        return root;
    }

    private static void model(ObjectNode node, ModelEvaluation evaluation) {
        ModelKey key = evaluation.model();
        ObjectNode model = node.putObject("model");
        model.put("id", key.modelId());
        model.put("version", key.modelVersion());
        model.put("sha256", key.sha256());
        model.put("format", key.format());
        ArrayNode runtimes = model.putArray("runtimes");
        evaluation.runtimes().forEach(runtimes::add);
        ObjectNode heads = node.putObject("heads");
        evaluation.heads().forEach(head -> head(heads.putObject(head.head()), head));
    }

    private static void head(ObjectNode node, HeadEvaluation head) {
        node.put("n", head.n());
        node.put("correct", head.correct());
        number(node, "accuracy", head.accuracy());
        if (head.accuracyCi95().isPresent()) {
            node.putArray("accuracy_ci95").add(head.accuracyCi95().get().lower()).add(head.accuracyCi95().get().upper());
        } else {
            node.putNull("accuracy_ci95");
        }
        number(node, "macro_f1", head.macroF1());
        number(node, "kappa", head.kappa());
        number(node, "ece", head.ece());
        ObjectNode confusion = node.putObject("confusion");
        ArrayNode labels = confusion.putArray("labels");
        head.labels().forEach(labels::add);
        ArrayNode matrix = confusion.putArray("matrix");
        for (long[] row : head.confusion().matrix()) {
            ArrayNode cells = matrix.addArray();
            for (long cell : row) {
                cells.add(cell);
            }
        }
        ObjectNode perClass = node.putObject("per_class");
        for (ClassMetrics metrics : head.perClass()) {
            ObjectNode label = perClass.putObject(metrics.label());
            number(label, "precision", metrics.precision());
            number(label, "recall", metrics.recall());
            number(label, "f1", metrics.f1());
            label.put("support", metrics.support());
        }
        ArrayNode reliability = node.putArray("reliability");
        for (CalibrationError.Bin bin : head.reliability()) {
            ObjectNode bar = reliability.addObject();
            bar.put("lower", bin.lower());
            bar.put("upper", bin.upper());
            bar.put("count", bin.count());
            number(bar, "accuracy", bin.accuracy());
            number(bar, "confidence", bin.confidence());
        }
        files(node.putObject("without_result"), head.withoutResult());
        if (!head.truthNotALabel().isEmpty()) {
            files(node.putObject("truth_not_a_label"), head.truthNotALabel());
        }
    }

    private static void truth(ObjectNode node, GroundTruth truth) {
        node.put("source", truth.source());
        truth.details().forEach(node::put);
        node.put("photos", truth.labels().size());
        ArrayNode problems = node.putArray("problems");
        truth.problems().forEach(problems::add);
    }

    private static void agreement(ObjectNode node, HeadAgreement head) {
        ArrayNode reviewers = node.putArray("reviewers");
        head.reviewers().forEach(reviewers::add);
        Optional<String> method = head.method();
        if (method.isPresent()) {
            node.put("method", method.get());
        } else {
            node.putNull("method");
        }
        node.put("photos", head.photos());
        node.put("unanimous", head.unanimous());
        number(node, "kappa", head.kappa());
        ArrayNode disagreements = node.putArray("disagreements");
        for (HeadAgreement.Disagreement disagreement : head.disagreements()) {
            ObjectNode photo = disagreements.addObject();
            photo.put("file", disagreement.file());
            ObjectNode labels = photo.putObject("labels");
            disagreement.labels().forEach(labels::put);
        }
    }

    private static void files(ObjectNode node, List<String> files) {
        node.put("count", files.size());
        ArrayNode list = node.putArray("files");
        files.forEach(list::add);
    }

    private static void number(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }
}
