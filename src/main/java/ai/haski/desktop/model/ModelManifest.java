package ai.haski.desktop.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed {@code model.json} of a model package: what the network is, what it expects, how to read its
 * outputs, which weight files carry it and the test vector that proves a runtime computes it correctly.
 */
public record ModelManifest(
        int formatVersion,
        String id,
        String name,
        String version,
        String description,
        String licence,
        List<String> authors,
        String intendedUse,
        boolean clinicalUse,
        List<String> warnings,
        InputSpec input,
        List<OutputSpec> outputs,
        List<HeadSpec> heads,
        Map<ModelFormat, WeightsSpec> weights,
        List<ModelFormat> backendPreference,
        TestVector testVector) {

    public ModelManifest {
        authors = List.copyOf(authors);
        warnings = List.copyOf(warnings);
        outputs = List.copyOf(outputs);
        heads = List.copyOf(heads);
        weights = Map.copyOf(weights);
        backendPreference = List.copyOf(backendPreference);
    }

    /** The output tensor with this name, if the manifest declares one. */
    public Optional<OutputSpec> output(String outputName) {
        return outputs.stream().filter(o -> o.name().equals(outputName)).findFirst();
    }
}
