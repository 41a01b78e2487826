package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.catalog.ProblemList.Refused;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.HeadDecoder;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.model.OutputSpec;
import ai.haski.desktop.model.TensorLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The work of one proposal: runs the import's steps in order (probe, input, sample vector, heads, agreement,
 * manifest) and keeps what each found, so that a refused proposal still shows how far it got.
 */
final class ProposalRun {
    private final Backends backends;
    private final Path modelsDir;
    private final Optional<Path> defaultSample;
    private final Optional<ModelRegistry> existing;
    final ImportRequest request;
    final ProblemList problems = new ProblemList();
    final List<ProbedFile> loaded = new ArrayList<>();
    final Map<ModelFormat, TensorLayout> layouts = new EnumMap<>(ModelFormat.class);
    final Map<String, byte[]> files = new LinkedHashMap<>();
    List<FormatFacts> facts = List.of();
    String manifestJson;
    ModelManifest parsed;
    Optional<FormatAgreement> agreement = Optional.empty();
    List<HeadResult> sampleHeads = List.of();
    Path target;
    Path sample;
    float tolerance;

    ProposalRun(Backends backends, Path modelsDir, Optional<Path> defaultSample, Optional<ModelRegistry> existing,
            ImportRequest request) {
        this.backends = backends;
        this.modelsDir = modelsDir;
        this.defaultSample = defaultSample;
        this.existing = existing;
        this.request = request;
    }

    void run() throws Refused {
        ModelProbe probe = new ModelProbe(backends, problems);
        Map<ModelFormat, Path> byFormat = probe.files(request.files());
        String id = identity(byFormat.values().iterator().next());
        probe.load(byFormat, loaded);
        InputSpec input;
        try {
            input = new InputProposal(request, probe, problems).propose(loaded, layouts);
        } finally {
            facts = ModelProbe.facts(loaded, layouts);
        }
        probe.checkOutputTypes(loaded);
        sample = request.sample().or(() -> defaultSample)
                .orElseThrow(() -> problems.refuse("sample", Code.NO_SAMPLE));
        SampleVector vector = new SampleVector(problems);
        SampleVector.TestImage image = vector.image(sample, input);
        files.put(SampleVector.TEST_IMAGE, image.png());
        Map<ModelFormat, Map<String, float[]>> raw = new EnumMap<>(ModelFormat.class);
        for (ProbedFile l : loaded) {
            raw.put(l.format(), vector.run(l, input, layouts.get(l.format()), image.pixels()));
        }
        problems.stopIfAny();
        ProbedFile first = loaded.get(0);
        List<OutputSpec> outputs = vector.outputs(first, raw.get(first.format()));
        problems.stopIfAny();
        Map<ModelFormat, Map<String, float[]>> byManifestName = new EnumMap<>(ModelFormat.class);
        for (ProbedFile l : loaded) {
            byManifestName.put(l.format(), vector.pair(l, first, outputs, raw.get(l.format())));
        }
        problems.stopIfAny();
        List<HeadSpec> heads = new HeadAssignment(problems).assign(request.labels(), outputs);
        Map<String, float[]> expected = byManifestName.get(first.format());
        sampleHeads = HeadDecoder.decode(heads, expected);
        tolerance = (float) SampleVector.tolerance(loaded, expected, request.agreement());
        if (loaded.size() == 2) {
            agreement = Optional.of(new AgreementCheck(problems).compare(first.format(),
                    loaded.get(1).format(), heads, byManifestName, request.agreement()));
        }
        problems.stopIfAny();
        ModelManifest manifest = ProposedManifest.manifest(request, id, loaded, layouts, input, outputs, heads,
                expected, tolerance);
        loaded.forEach(l -> files.put(l.packageFileName(), l.bytes()));
        byte[] json = ProposedManifest.write(manifest,
                ProposedManifest.provenance(request, loaded, sample, agreement));
        files.put(ModelPackage.MANIFEST_FILE, json);
        manifestJson = ProposedManifest.text(json);
        parsed = ProposedManifest.validate(json, target, problems).orElse(null);
    }

    /** The package id: the request's or the file's; refused when invalid or taken by another package. */
    String identity(Path firstFile) throws Refused {
        String id = request.id().orElse(ModelImporter.defaultId(firstFile));
        if (!ManifestRules.isValidId(id)) {
            throw problems.refuse("id", Code.INVALID_ID, id);
        }
        target = modelsDir.resolve(id);
        Optional<ModelPackage> taken = existing.flatMap(r -> r.find(id));
        if (taken.isPresent() && !samePath(taken.get().folder(), target)) {
            problems.add("id", Code.ID_TAKEN, id, taken.get().source().name().toLowerCase(Locale.ROOT),
                    taken.get().folder());
        } else if (Files.exists(target) && !request.force()) {
            problems.add("id", Code.PACKAGE_EXISTS, id, target);
        }
        return id;
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
