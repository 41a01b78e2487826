package ai.haski.desktop.ui.models;

import ai.haski.desktop.model.HeadSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The heads as the Add model dialog lets a user type them, one head a line: {@code skin_type: normal, dry, oily}.
 * Parsed into the labels file's simple form, which {@code models import} reads; so the dialog and the command line
 * go through the same labels reader and the same checks.
 */
final class HeadsText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HeadsText() {}

    /** Thrown for text that is not one {@code name: label, label} a line; the message says which line. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The heads of a manifest, as the user would type them. */
    static String of(List<HeadSpec> heads) {
        return heads.stream().map(h -> h.name() + ": " + String.join(", ", h.labels()))
                .collect(Collectors.joining("\n"));
    }

    /** Head name to labels, in the order typed. */
    static Map<String, List<String>> parse(String text) throws Malformed {
        Map<String, List<String>> heads = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Malformed("line " + (i + 1) + " (\"" + line + "\") should read head_name: label, label, …");
            }
            String name = line.substring(0, colon).strip();
            List<String> labels = Arrays.stream(line.substring(colon + 1).split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            if (labels.isEmpty()) {
                throw new Malformed("line " + (i + 1) + ": head " + name + " has no labels");
            }
            if (heads.put(name, new ArrayList<>(labels)) != null) {
                throw new Malformed("line " + (i + 1) + ": head " + name + " is named twice");
            }
        }
        return heads;
    }

    /** Writes the heads as a labels file (simple form) for the importer to read. */
    static void write(Map<String, List<String>> heads, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        heads.forEach((name, labels) -> {
            ArrayNode array = root.putArray(name);
            labels.forEach(array::add);
        });
        Files.createDirectories(file.getParent());
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
