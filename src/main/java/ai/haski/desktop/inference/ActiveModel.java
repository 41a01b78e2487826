package ai.haski.desktop.inference;

import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.model.TensorLayout;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model package loaded in one runtime and proven by its test vector: what every analysis runs on, and the
 * provenance every result carries. Owns the runtime's native memory until closed.
 */
public final class ActiveModel implements AutoCloseable {
    private final ModelPackage modelPackage;
    private final ModelFormat format;
    private final String sha256;
    private final RuntimeStatus runtime;
    private final LoadedModel loaded;
    private final PreprocessSpec preprocessSpec;
    private final long[] inputShape;
    private final Map<String, List<String>> runtimeOutputNames;
    private final List<String> loadNotes;
    private double testVectorDeviation = Double.NaN;

    ActiveModel(ModelPackage modelPackage, ModelFormat format, String sha256, RuntimeStatus runtime,
            LoadedModel loaded, Map<String, List<String>> runtimeOutputNames, List<String> loadNotes) {
        this.modelPackage = modelPackage;
        this.format = format;
        this.sha256 = sha256;
        this.runtime = runtime;
        this.loaded = loaded;
        this.runtimeOutputNames = Map.copyOf(runtimeOutputNames);
        this.loadNotes = List.copyOf(loadNotes);
        TensorLayout layout = modelPackage.manifest().weights().get(format).layout();
        this.preprocessSpec = PreprocessSpec.of(modelPackage.manifest().input(), layout);
        this.inputShape = modelPackage.manifest().input().shape(layout);
    }

    public ModelPackage modelPackage() {
        return modelPackage;
    }

    public ModelManifest manifest() {
        return modelPackage.manifest();
    }

    /** The format whose weights are loaded: the preferred one, or a fallback (see {@link #loadNotes()}). */
    public ModelFormat format() {
        return format;
    }

    /** The SHA-256 of the exact weight bytes the runtime loaded. */
    public String sha256() {
        return sha256;
    }

    public RuntimeStatus runtime() {
        return runtime;
    }

    /** How to turn a photo into this model's input tensor. */
    public PreprocessSpec preprocessSpec() {
        return preprocessSpec;
    }

    /** Why a preferred format was passed over, if one was; empty when the first choice loaded. */
    public List<String> loadNotes() {
        return loadNotes;
    }

    /** Set once by the loader, before the model is handed to anyone. */
    void recordTestVectorDeviation(double deviation) {
        this.testVectorDeviation = deviation;
    }

    /** The largest absolute difference between the runtime's outputs and the test vector's expected ones. */
    public double testVectorDeviation() {
        return testVectorDeviation;
    }

    /** The input tensor's byte size: what {@link #infer} expects. */
    public int inputBytes() {
        long count = 1;
        for (long d : inputShape) {
            count *= d;
        }
        return Math.toIntExact(count * Float.BYTES);
    }

    /** Runs the network on one preprocessed input; safe to call from several threads. Keys are manifest names. */
    public Map<String, float[]> infer(ByteBuffer input) throws InferenceException {
        Map<String, float[]> byRuntimeName = loaded.run(input, inputShape);
        Map<String, float[]> byManifestName = new LinkedHashMap<>();
        runtimeOutputNames.forEach((manifestName, runtimeNames) ->
                byManifestName.put(manifestName, joined(runtimeNames, byRuntimeName)));
        return byManifestName;
    }

    /** One tensor's values, or the values of a split output's parts one after the other. */
    private static float[] joined(List<String> runtimeNames, Map<String, float[]> byRuntimeName) {
        if (runtimeNames.size() == 1) {
            return byRuntimeName.get(runtimeNames.get(0));
        }
        int length = 0;
        for (String name : runtimeNames) {
            length += byRuntimeName.get(name).length;
        }
        float[] all = new float[length];
        int at = 0;
        for (String name : runtimeNames) {
            float[] part = byRuntimeName.get(name);
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** E.g. {@code haski-reference 1.0.0 (onnx, ONNX Runtime 1.23.2)}. */
    public String describe() {
        return manifest().id() + " " + manifest().version() + " (" + format.id() + ", " + runtime.describe() + ")";
    }

    @Override
    public void close() {
        loaded.close();
    }
}
