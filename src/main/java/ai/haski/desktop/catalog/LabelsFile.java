package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.model.HeadSpec.Activation;
import ai.haski.desktop.model.HeadSpec.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The labels file of {@code models import}: which heads the model's outputs hold, in output order. Two forms:
 *
 * <pre>
 * {"skin_type": ["normal", "dry"], "hair_type": ["straight", "curly"]}
 *
 * {"heads": [{"name": "condition", "labels": ["healthy", "acne"], "activation": "softmax",
 *             "none_label": "healthy"},
 *            {"name": "tags", "labels": ["a", "b"], "activation": "sigmoid", "threshold": 0.6,
 *             "output": "tags_logits"}]}
 * </pre>
 *
 * Heads take consecutive slices of the outputs, in order; {@code output} puts a head on a named output instead.
 * {@code activation} is {@code softmax} (default), {@code sigmoid} (then {@code mode} defaults to
 * {@code multi_label}) or {@code none}.
 */
final class LabelsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One head as the labels file describes it. */
    record Head(String name, List<String> labels, Activation activation, Mode mode, Optional<String> noneLabel,
            Optional<Float> threshold, Optional<String> output) {}

    private LabelsFile() {}

    /** The Haski layout: 14 values, skin_type 0-4, hair_type 5-8, condition 9-13 with none label healthy. */
    static List<Head> haskiDefault() {
        return List.of(
                single("skin_type", List.of("normal", "dry", "oily", "combination", "sensitive"), null),
                single("hair_type", List.of("straight", "wavy", "curly", "coily"), null),
                single("condition", List.of("healthy", "mild_acne", "severe_acne", "eczema", "psoriasis"), "healthy"));
    }

    static final int HASKI_VALUES = 14;

    private static Head single(String name, List<String> labels, String none) {
        return new Head(name, labels, Activation.SOFTMAX, Mode.SINGLE_LABEL, Optional.ofNullable(none),
                Optional.empty(), Optional.empty());
    }

    /** Reads the file; a problem says what is wrong and where. */
    static List<Head> read(Path file) throws ImportException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw problem(Code.LABELS_UNREADABLE, file, e.getMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw problem(Code.LABELS_NOT_OBJECT, file);
        }
        List<Head> heads = new ArrayList<>();
        if (root.has("heads") && root.get("heads").isArray()) {
            JsonNode array = root.get("heads");
            for (int i = 0; i < array.size(); i++) {
                heads.add(head(file, array.get(i), "heads[" + i + "]"));
            }
        } else {
            for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
                heads.add(single(entry.getKey(), labels(file, entry.getValue(), entry.getKey()), null));
            }
        }
        if (heads.isEmpty()) {
            throw problem(Code.LABELS_NO_HEAD, file);
        }
        return heads;
    }

    private static Head head(Path file, JsonNode node, String at) throws ImportException {
        if (!node.isObject()) {
            throw problem(Code.LABELS_HEAD_NOT_OBJECT, file, at);
        }
        String name = text(file, node, "name", at).orElseThrow(() -> problem(Code.LABELS_NAME_MISSING, file, at));
        List<String> labels = labels(file, node.get("labels"), at + ".labels");
        Activation activation = Activation.SOFTMAX;
        Optional<String> activationText = text(file, node, "activation", at);
        if (activationText.isPresent()) {
            try {
                activation = Activation.valueOf(activationText.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(Code.LABELS_BAD_ACTIVATION, file, at, activationText.get());
            }
        }
        Mode mode = activation == Activation.SIGMOID ? Mode.MULTI_LABEL : Mode.SINGLE_LABEL;
        Optional<String> modeText = text(file, node, "mode", at);
        if (modeText.isPresent()) {
            try {
                mode = Mode.valueOf(modeText.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(Code.LABELS_BAD_MODE, file, at, modeText.get());
            }
        }
        Optional<Float> threshold = Optional.empty();
        if (node.has("threshold")) {
            if (!node.get("threshold").isNumber()) {
                throw problem(Code.LABELS_BAD_THRESHOLD, file, at);
            }
            threshold = Optional.of((float) node.get("threshold").asDouble());
        }
        return new Head(name, labels, activation, mode, text(file, node, "none_label", at), threshold,
                text(file, node, "output", at));
    }

    private static List<String> labels(Path file, JsonNode node, String at) throws ImportException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw problem(Code.LABELS_NO_LABELS, file, at);
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw problem(Code.LABELS_BAD_LABEL, file, at, item);
            }
            labels.add(item.asText().trim());
        }
        return labels;
    }

    private static Optional<String> text(Path file, JsonNode node, String key, String at) throws ImportException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw problem(Code.LABELS_BAD_TEXT, file, at + "." + key, value);
        }
        return Optional.of(value.asText().trim());
    }

    private static ImportException problem(Code code, Object... arguments) {
        return new ImportException(ImportProblem.of("labels", code, arguments));
    }
}
