package ai.haski.desktop.catalog;

import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.ModelManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A proposed package: the manifest, what was found, and the problems that stop it being written. */
public final class ImportProposal {
    private final ImportRequest request;
    private final List<ImportProblem> problems;
    private final List<FormatFacts> formats;
    private final String manifestJson;
    private final ModelManifest manifest;
    private final Optional<FormatAgreement> agreement;
    private final List<HeadResult> sampleHeads;
    private final Path target;
    private final Path sample;
    private final float tolerance;
    private final Map<String, byte[]> files;

    ImportProposal(ImportRequest request, List<ImportProblem> problems, List<FormatFacts> formats, String manifestJson,
            ModelManifest manifest, Optional<FormatAgreement> agreement, List<HeadResult> sampleHeads, Path target,
            Path sample, float tolerance, Map<String, byte[]> files) {
        this.request = request;
        this.problems = List.copyOf(problems);
        this.formats = List.copyOf(formats);
        this.manifestJson = manifestJson;
        this.manifest = manifest;
        this.agreement = agreement;
        this.sampleHeads = List.copyOf(sampleHeads);
        this.target = target;
        this.sample = sample;
        this.tolerance = tolerance;
        this.files = files;
    }

    public ImportRequest request() { return request; }
    /** Empty when the package can be written. */
    public List<ImportProblem> problems() { return problems; }
    public boolean isValid() { return problems.isEmpty(); }
    /** What each runtime found in its file (as far as it got). */
    public List<FormatFacts> formats() { return formats; }
    /** The proposed {@code model.json}, or null when the problems came before it could be made. */
    public String manifestJson() { return manifestJson; }
    /** The proposed manifest as the registry will read it (id, name, input, heads, ...), when valid. */
    public Optional<ModelManifest> manifest() { return Optional.ofNullable(manifest); }
    public Optional<FormatAgreement> agreement() { return agreement; }
    /** What the first format says about the sample image, per head. */
    public List<HeadResult> sampleHeads() { return sampleHeads; }
    /** The folder the package will be written to. */
    public Path target() { return target; }
    /** The image the test vector was made from (resized to the input size). */
    public Path sample() { return sample; }
    public float tolerance() { return tolerance; }

    /** The package's files by name, the manifest included. */
    Map<String, byte[]> files() { return files; }
}
