package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ManifestParser;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.ManifestWriter;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelPackageException;
import ai.haski.desktop.model.OutputSpec;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.model.TestVector;
import ai.haski.desktop.model.WeightsSpec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The imported package's {@code model.json}: the manifest made from what the steps found, with an
 * {@code imported} section saying where it came from, written by {@link ManifestWriter} and checked by the same
 * parser the registry uses.
 */
final class ProposedManifest {
    private static final String TOOL = "haski-desktop models import";

    private ProposedManifest() {}

    static ModelManifest manifest(ImportRequest request, String id, List<ProbedFile> loaded,
            Map<ModelFormat, TensorLayout> layouts, InputSpec input, List<OutputSpec> outputs,
            List<HeadSpec> heads, Map<String, float[]> expected, float tolerance) {
        Map<ModelFormat, WeightsSpec> weights = new EnumMap<>(ModelFormat.class);
        for (ProbedFile l : loaded) {
            weights.put(l.format(), new WeightsSpec(l.format(), l.packageFileName(), l.sha256(),
                    layouts.get(l.format())));
        }
        ProbedFile first = loaded.get(0);
        return new ModelManifest(ManifestRules.FORMAT_VERSION, id, request.name().orElse(stem(first.file())),
                request.version().orElse("1.0.0"), "Imported with `" + TOOL + "` from "
                        + loaded.stream().map(l -> l.file().getFileName().toString()).toList() + ".",
                request.licence().orElse("unknown"), List.of(), "Imported by the user; not validated by Haski Desktop.",
                false, List.of(), input, outputs, heads, weights, loaded.stream().map(ProbedFile::format).toList(),
                new TestVector(SampleVector.TEST_IMAGE, expected, tolerance));
    }

    /** Where the package came from: the files, their runtimes, the sample, the agreement, the labels. */
    static ObjectNode provenance(ImportRequest request, List<ProbedFile> loaded, Path sample,
            Optional<FormatAgreement> agreement) {
        ObjectNode imported = JsonNodeFactory.instance.objectNode();
        imported.put("tool", TOOL);
        ArrayNode sources = imported.putArray("sources");
        for (ProbedFile l : loaded) {
            ObjectNode s = sources.addObject();
            s.put("file", l.file().getFileName().toString());
            s.put("format", l.format().id());
            s.put("runtime", l.runtime());
        }
        imported.put("sample_image", sample.getFileName().toString());
        agreement.ifPresent(a -> {
            ObjectNode ag = imported.putObject("agreement");
            ag.put("max_raw_difference", a.maxRawDifference());
            ag.put("max_probability_difference", a.maxProbabilityDifference());
            ag.put("tolerance", a.tolerance());
        });
        imported.put("labels", request.labels().map(p -> p.getFileName().toString()).orElse("default Haski layout"));
        return imported;
    }

    static byte[] write(ModelManifest manifest, ObjectNode provenance) {
        return ManifestWriter.write(manifest, "imported", provenance);
    }

    /** The manifest as the registry will read it, or the problem the parser finds, named by its field. */
    static Optional<ModelManifest> validate(byte[] json, Path target, ProblemList problems) {
        Path file = target.resolve(ModelPackage.MANIFEST_FILE);
        try {
            return Optional.of(ManifestParser.parse(file, json));
        } catch (ModelPackageException e) {
            problems.add(e.field() == null ? "manifest" : e.field(), Code.MANIFEST_RULE, file, e.problem());
            return Optional.empty();
        }
    }

    static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
