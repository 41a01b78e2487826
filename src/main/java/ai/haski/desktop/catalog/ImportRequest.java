package ai.haski.desktop.catalog;

import ai.haski.desktop.model.TensorLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to import: one weights file, or two (one ONNX, one TFLite) of the same network, and what the files cannot
 * say themselves. Every setting left out is proposed by {@link ModelImporter#propose}. Fluent, so that a dialog
 * can fill it from its fields and ask again after each change.
 */
public final class ImportRequest {
    /** The default largest raw-output difference accepted between two formats of one network. */
    public static final double DEFAULT_AGREEMENT = 1e-3;

    private final List<Path> files;
    private Path labels;
    private String id;
    private String name;
    private String version;
    private String licence;
    private Path sample;
    private TensorLayout layout;
    private Integer width;
    private Integer height;
    private float[] mean;
    private float[] std;
    private double agreement = DEFAULT_AGREEMENT;
    private boolean force;

    private ImportRequest(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** A request for these weights files (.onnx, .tflite). */
    public static ImportRequest of(List<Path> files) {
        return new ImportRequest(Objects.requireNonNull(files, "files"));
    }

    public static ImportRequest of(Path... files) {
        return of(List.of(files));
    }

    public ImportRequest labels(Path value) { labels = value; return this; }
    public ImportRequest id(String value) { id = value; return this; }
    public ImportRequest name(String value) { name = value; return this; }
    public ImportRequest version(String value) { version = value; return this; }
    public ImportRequest licence(String value) { licence = value; return this; }
    public ImportRequest sample(Path value) { sample = value; return this; }
    public ImportRequest layout(TensorLayout value) { layout = value; return this; }
    public ImportRequest agreement(double value) { agreement = value; return this; }
    public ImportRequest force(boolean value) { force = value; return this; }

    /** The input size, for a model whose input height or width is dynamic (or to confirm a fixed one). */
    public ImportRequest size(int w, int h) {
        width = w;
        height = h;
        return this;
    }

    /** Per-channel normalisation instead of ImageNet's; both or neither. */
    public ImportRequest normalisation(float[] meanValues, float[] stdValues) {
        mean = meanValues == null ? null : meanValues.clone();
        std = stdValues == null ? null : stdValues.clone();
        return this;
    }

    public List<Path> files() { return files; }
    public Optional<Path> labels() { return Optional.ofNullable(labels); }
    public Optional<String> id() { return Optional.ofNullable(id); }
    public Optional<String> name() { return Optional.ofNullable(name); }
    public Optional<String> version() { return Optional.ofNullable(version); }
    public Optional<String> licence() { return Optional.ofNullable(licence); }
    public Optional<Path> sample() { return Optional.ofNullable(sample); }
    public Optional<TensorLayout> layout() { return Optional.ofNullable(layout); }
    public Optional<Integer> width() { return Optional.ofNullable(width); }
    public Optional<Integer> height() { return Optional.ofNullable(height); }
    public Optional<float[]> mean() { return Optional.ofNullable(mean).map(float[]::clone); }
    public Optional<float[]> std() { return Optional.ofNullable(std).map(float[]::clone); }
    public double agreement() { return agreement; }
    public boolean force() { return force; }
}
