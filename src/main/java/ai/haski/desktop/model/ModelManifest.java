package ai.haski.desktop.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed {@code model.json} of a model package: what the network is, what it expects, how to read its
 * outputs, which weight files carry it and the test vector that proves a runtime computes it correctly.
 *
 * <p>The last components came later and have defaults: the {@code task} (a classifier unless it says
 * {@code "face_detection"}), what a classifier {@code expects} to see ({@code "face"}) with the margin its face
 * region is enlarged by, and a detector's decoding.
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
        TestVector testVector,
        ModelTask task,
        Optional<String> expects,
        double faceMargin,
        Optional<DetectorSpec> detector) {

    /** What a classifier expects to see when it says {@code "expects": "face"}. */
    public static final String EXPECTS_FACE = "face";
    /** The share of the face box's size added on each side when a manifest gives no {@code face_margin}. */
    public static final double DEFAULT_FACE_MARGIN = 0.25;

    /** A classifier that expects nothing in particular, as manifests were before tasks. */
    public ModelManifest(int formatVersion, String id, String name, String version, String description,
            String licence, List<String> authors, String intendedUse, boolean clinicalUse, List<String> warnings,
            InputSpec input, List<OutputSpec> outputs, List<HeadSpec> heads, Map<ModelFormat, WeightsSpec> weights,
            List<ModelFormat> backendPreference, TestVector testVector) {
        this(formatVersion, id, name, version, description, licence, authors, intendedUse, clinicalUse, warnings,
                input, outputs, heads, weights, backendPreference, testVector, ModelTask.CLASSIFICATION,
                Optional.empty(), DEFAULT_FACE_MARGIN, Optional.empty());
    }

    public ModelManifest {
        authors = List.copyOf(authors);
        warnings = List.copyOf(warnings);
        outputs = List.copyOf(outputs);
        heads = List.copyOf(heads);
        weights = Map.copyOf(weights);
        backendPreference = List.copyOf(backendPreference);
    }

    /** Whether this classifier's answer is meant for a photo of a face. */
    public boolean expectsFace() {
        return expects.filter(EXPECTS_FACE::equals).isPresent();
    }

    /** The same manifest, expecting {@code what} (e.g. {@link #EXPECTS_FACE}) with this face margin. */
    public ModelManifest expecting(String what, double margin) {
        return new ModelManifest(formatVersion, id, name, version, description, licence, authors, intendedUse,
                clinicalUse, warnings, input, outputs, heads, weights, backendPreference, testVector, task,
                Optional.of(what), margin, detector);
    }

    /** The output tensor with this name, if the manifest declares one. */
    public Optional<OutputSpec> output(String outputName) {
        return outputs.stream().filter(o -> o.name().equals(outputName)).findFirst();
    }
}
