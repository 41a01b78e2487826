package ai.haski.desktop.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ModelManifest} as {@code model.json}, the one writer of the format that {@link ManifestParser}
 * reads. Keys come in a fixed order; the text is indented by two spaces with {@code \n} line ends on every
 * platform, scalar arrays on one line, and a trailing newline, so that a generated package is reproducible to the
 * byte.
 */
public final class ManifestWriter {
    private static final ObjectWriter TEXT = new ObjectMapper().writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    private ManifestWriter() {}

    /**
     * The manifest's bytes (UTF-8).
     *
     * @param provenanceKey the key of the section saying where the package came from ({@code imported},
     *                      {@code generator}); the parser ignores it
     * @param provenance    that section, written as given
     */
    public static byte[] write(ModelManifest manifest, String provenanceKey, JsonNode provenance) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format_version", manifest.formatVersion());
        root.put("id", manifest.id());
        root.put("name", manifest.name());
        root.put("version", manifest.version());
        root.put("description", manifest.description());
        root.put("licence", manifest.licence());
        ArrayNode authors = root.putArray("authors");
        manifest.authors().forEach(authors::add);
        root.put("intended_use", manifest.intendedUse());
        root.put("clinical_use", manifest.clinicalUse());
        if (!manifest.warnings().isEmpty()) {
            ArrayNode warnings = root.putArray("warnings");
            manifest.warnings().forEach(warnings::add);
        }
        if (manifest.task() != ModelTask.CLASSIFICATION) {
            root.put("task", manifest.task().name().toLowerCase(Locale.ROOT));
        }
        manifest.expects().ifPresent(what -> {
            root.put("expects", what);
            root.put("face_margin", manifest.faceMargin());
        });
        input(root.putObject("input"), manifest.input());
        ArrayNode outputs = root.putArray("outputs");
        for (OutputSpec output : manifest.outputs()) {
            ObjectNode o = outputs.addObject();
            o.put("name", output.name());
            ArrayNode shape = o.putArray("shape");
            for (long d : output.shape()) {
                shape.add(d);
            }
            o.put("dtype", output.dtype());
        }
        if (manifest.task() == ModelTask.CLASSIFICATION) {
            ArrayNode heads = root.putArray("heads");
            manifest.heads().forEach(head -> head(heads.addObject(), head));
        }
        manifest.detector().ifPresent(detector -> DetectorSpecWriter.write(root.putObject("detector"), detector));
        ObjectNode weights = root.putObject("weights");
        ArrayNode preference = root.putArray("backend_preference");
        for (ModelFormat format : manifest.backendPreference()) {
            WeightsSpec spec = manifest.weights().get(format);
            ObjectNode w = weights.putObject(format.id());
            w.put("file", spec.file());
            w.put("sha256", spec.sha256());
            w.put("layout", spec.layout().name());
            if (!spec.outputParts().isEmpty()) {
                ObjectNode parts = w.putObject("output_parts");
                // In the order of the outputs, so the bytes do not depend on a map's order.
                for (OutputSpec output : manifest.outputs()) {
                    List<String> tensors = spec.outputParts().get(output.name());
                    if (tensors != null) {
                        tensors.forEach(parts.putArray(output.name())::add);
                    }
                }
            }
            preference.add(format.id());
        }
        testVector(root.putObject("test_vector"), manifest);
        root.set(provenanceKey, provenance);
        try {
            return (TEXT.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of plain values cannot fail to print", e);
        }
    }

    private static void input(ObjectNode in, InputSpec input) {
        in.put("name", input.name());
        in.put("layout", input.layout().name());
        in.put("width", input.width());
        in.put("height", input.height());
        in.put("channels", input.channels());
        in.put("colour_order", input.colourOrder().name());
        in.put("dtype", input.dtype());
        ObjectNode pre = in.putObject("preprocessing");
        pre.put("resize", input.resize().name().toLowerCase(Locale.ROOT));
        pre.put("scale_to_unit", input.scaleToUnit());
        ArrayNode mean = pre.putArray("mean");
        for (float v : input.mean()) {
            mean.add(v);
        }
        ArrayNode std = pre.putArray("std");
        for (float v : input.std()) {
            std.add(v);
        }
    }

    private static void head(ObjectNode h, HeadSpec head) {
        h.put("name", head.name());
        h.put("output", head.output());
        h.put("offset", head.offset());
        h.put("length", head.length());
        h.put("activation", head.activation().name().toLowerCase(Locale.ROOT));
        h.put("mode", head.mode().name().toLowerCase(Locale.ROOT));
        ArrayNode labels = h.putArray("labels");
        head.labels().forEach(labels::add);
        head.noneLabel().ifPresent(n -> h.put("none_label", n));
        // A single-label head takes its top class and has no threshold to write.
        if (head.mode() == HeadSpec.Mode.MULTI_LABEL) {
            h.put("threshold", head.threshold());
        }
    }

    private static void testVector(ObjectNode vector, ModelManifest manifest) {
        vector.put("input_image", manifest.testVector().inputImage());
        ObjectNode expected = vector.putObject("expected");
        for (OutputSpec output : manifest.outputs()) {
            ArrayNode values = expected.putArray(output.name());
            for (float v : manifest.testVector().expected().get(output.name())) {
                values.add(v);
            }
        }
        // The tolerance is held as a float; written as its shortest decimal (2.0E-4, not 2.0000000949949026E-4).
        vector.put("tolerance", Double.parseDouble(Float.toString(manifest.testVector().tolerance())));
    }
}
