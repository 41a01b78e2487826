package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.catalog.ProblemList.Refused;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.ModelLoadException;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackageException;
import ai.haski.desktop.model.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        ProposalRun draft = new ProposalRun(backends, modelsDir, defaultSample, existing, request);
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
}
