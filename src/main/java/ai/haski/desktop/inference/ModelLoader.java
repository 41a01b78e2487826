package ai.haski.desktop.inference;

import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.model.Sha256;
import ai.haski.desktop.model.WeightsSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a model package in the first runtime that can prove it computes the model: the weights' SHA-256 must
 * match, the runtime's real input and output shapes must match the manifest, and the test vector must come out
 * within its tolerance. When the preferred format fails, the next format of the same package is tried.
 */
public final class ModelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

    private final Backends backends;
    private final TestVectorCheck testVectorCheck;

    public ModelLoader(Backends backends) {
        this.backends = backends;
        this.testVectorCheck = new TestVectorCheck();
    }

    /**
     * Loads the package.
     *
     * @param formats the formats to try, in order; an empty list means the package's own preference
     * @param threads threads one inference may use
     */
    public ActiveModel load(ModelPackage pkg, List<ModelFormat> formats, int threads) throws ModelLoadException {
        List<ModelFormat> order = formats.isEmpty() ? pkg.manifest().backendPreference() : formats;
        List<String> failures = new ArrayList<>();
        for (ModelFormat format : order) {
            if (!pkg.manifest().weights().containsKey(format)) {
                failures.add(format.id() + ": the package has no " + format.id() + " weights");
                continue;
            }
            try {
                ActiveModel model = loadFormat(pkg, format, threads, failures);
                LOG.info("Model {} ready; test vector max deviation {}", model.describe(),
                        String.format(java.util.Locale.ROOT, "%.2e", model.testVectorDeviation()));
                return model;
            } catch (ModelLoadException e) {
                LOG.warn("Model {} could not be used as {}: {}", pkg.id(), format.id(), e.getMessage());
                failures.add(format.id() + ": " + e.getMessage());
            }
        }
        throw new ModelLoadException("model \"" + pkg.id() + "\" (" + pkg.folder() + ") cannot be used: "
                + String.join("; ", failures));
    }

    private ActiveModel loadFormat(ModelPackage pkg, ModelFormat format, int threads, List<String> earlierFailures)
            throws ModelLoadException {
        WeightsSpec spec = pkg.manifest().weights().get(format);
        Path file = pkg.folder().resolve(spec.file());
        byte[] bytes;
        try {
            // Checked again here: the file may have grown since the package was scanned.
            long size = Files.size(file);
            if (size > ModelPackage.MAX_WEIGHTS_BYTES) {
                throw new ModelLoadException(file + " is " + size + " bytes, more than the "
                        + ModelPackage.MAX_WEIGHTS_BYTES + " bytes a model file may have");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage());
        }
        // Hash the bytes handed to the runtime, so the provenance names exactly what ran.
        String sha = Sha256.of(bytes);
        if (!sha.equals(spec.sha256())) {
            throw new ModelLoadException(file + ": SHA-256 is " + sha + " but field 'weights." + format.id()
                    + ".sha256' expects " + spec.sha256() + "; restore the file or re-import the model");
        }
        InferenceBackend backend = backends.get(format);
        RuntimeStatus runtime = backend.status();
        LoadedModel loaded;
        try {
            loaded = backend.load(bytes, pkg.id() + " (" + format.id() + ")", threads);
        } catch (InferenceException e) {
            throw new ModelLoadException(e.getMessage());
        }
        try {
            Map<String, List<String>> outputNames = ShapeCheck.check(pkg, spec, loaded, file);
            ActiveModel model = new ActiveModel(pkg, format, sha, runtime, loaded, outputNames, earlierFailures);
            model.recordTestVectorDeviation(testVectorCheck.run(model));
            warmUp(model);
            return model;
        } catch (ModelLoadException | RuntimeException e) {
            loaded.close();
            throw e instanceof ModelLoadException mle ? mle
                    : new ModelLoadException("unexpected failure while checking " + file + ": " + e);
        }
    }

    /** A model that proved itself but fails its warm-up has a runtime problem the user must hear of now. */
    private static void warmUp(ActiveModel model) throws ModelLoadException {
        long started = System.nanoTime();
        try {
            PipelineWarmUp.run(model);
        } catch (InferenceException e) {
            throw new ModelLoadException("the model ran its test vector but not a photo-sized warm-up: "
                    + e.getMessage());
        }
        LOG.debug("Warmed up {} in {} ms", model.describe(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The runtimes by format. */
    public Backends backends() {
        return backends;
    }

    /** A convenience for callers that name a single format or none. */
    public static List<ModelFormat> only(Optional<ModelFormat> format) {
        return format.map(List::of).orElse(List.of());
    }
}
