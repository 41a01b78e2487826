package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.catalog.ProblemList.Refused;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.HeadDecoder;
import ai.haski.desktop.inference.HeadResult;
import ai.haski.desktop.inference.ModelLoadException;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelPackageException;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.model.OutputSpec;
import ai.haski.desktop.model.TensorLayout;
import java.io.IOException;
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
 * Turns an exported network (ONNX and/or TFLite) into a model package: probes the files through their runtimes,
 * proposes the input and heads, makes the test vector from a sample image, checks that two formats agree, and
 * writes the package through {@link PackageWriter}, proven before it is moved into place.
 *
 * <p>For a dialog: {@link #propose} never throws for what the user can fix; it returns the proposed manifest and
 * the {@link ImportProblem}s per field. {@link #write} writes a proposal without problems.
 */
public final class ModelImporter {
    private final Backends backends;
    private final PackageWriter writer;
    private final Path modelsDir;
    private final Optional<Path> defaultSample;
    private final Optional<ModelRegistry> existing;

    /**
     * @param modelsDir where packages are written, normally {@code AppPaths.userModelsDir()}
     * @param defaultSample the image run when the request names none (the bundled reference test image)
     * @param existing the packages already known, so an id taken by another folder is refused
     */
    public ModelImporter(Backends backends, Path modelsDir, Optional<Path> defaultSample,
            Optional<ModelRegistry> existing) {
        this.backends = backends;
        this.writer = new PackageWriter(new ModelLoader(backends), modelsDir);
        this.modelsDir = modelsDir;
        this.defaultSample = defaultSample;
        this.existing = existing;
    }

    /** Proposes and, when there is no problem, writes the package. */
    public ImportResult importModel(ImportRequest request) throws ImportException {
        return write(propose(request));
    }

    /** Everything short of writing: never throws for a problem the user can fix, which it lists instead. */
    public ImportProposal propose(ImportRequest request) {
        Draft draft = new Draft(request);
        try {
            draft.run();
        } catch (Refused e) {
            // the problems already hold why
        } finally {
            draft.loaded.forEach(l -> l.model().close());
        }
        boolean valid = draft.problems.isEmpty();
        return new ImportProposal(request, draft.problems.all(), draft.facts, valid ? draft.manifestJson : null,
                valid ? draft.parsed : null, draft.agreement, draft.sampleHeads, draft.target, draft.sample,
                draft.tolerance, draft.files);
    }

    /**
     * Writes a proposal into a hidden folder beside the target, proves it, then moves it into place. An existing
     * package with the id is replaced only when the request said {@code force}.
     */
    public ImportResult write(ImportProposal proposal) throws ImportException {
        if (!proposal.isValid()) {
            throw new ImportException(proposal.problems());
        }
        Path target = proposal.target();
        if (Files.exists(target) && !proposal.request().force()) {
            throw new ImportException(ImportProblem.of("id", Code.TARGET_EXISTS, target));
        }
        try {
            PackageWriter.Written written = writer.write(target.getFileName().toString(), "import", folder -> {
                for (Map.Entry<String, byte[]> file : proposal.files().entrySet()) {
                    Files.write(folder.resolve(file.getKey()), file.getValue());
                }
            }, true, new PackageWriter.Refusals() {
                @Override
                public ImportProblem unreadable(Path folder, ModelPackageException e) {
                    return ImportProblem.of(e.field() == null ? "manifest" : e.field(), Code.WRITTEN_REFUSED,
                            e.getMessage());
                }

                @Override
                public ImportProblem failsCheck(ModelFormat format, ModelLoadException e) {
                    return ImportProblem.of("test_vector", Code.WRITTEN_FAILS_CHECK, format.id(), e.getMessage());
                }
            });
            return new ImportResult(target, written.modelPackage(), written.testVectorDeviations(),
                    proposal.tolerance(), proposal.agreement(), proposal.formats(), proposal.sampleHeads(),
                    proposal.sample());
        } catch (IOException e) {
            throw new ImportException("cannot write the package into " + modelsDir + ": " + e, e);
        }
    }

    /** The id proposed for a file: its name without extension, lower-cased, other characters as '-'. */
    public static String defaultId(Path file) {
        String stem = ProposedManifest.stem(file).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "");
        if (stem.length() > ManifestRules.MAX_ID_LENGTH) {
            stem = stem.substring(0, ManifestRules.MAX_ID_LENGTH);
        }
        return stem.isEmpty() ? "imported-model" : stem;
    }

    /** The format a file's extension names. */
    public static Optional<ModelFormat> formatOf(Path file) {
        return ModelProbe.formatOf(file);
    }

    /** The work of one proposal: runs the steps in order and keeps what each found. */
    private final class Draft {
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

        Draft(ImportRequest request) {
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
            String id = request.id().orElse(defaultId(firstFile));
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
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
