package ai.haski.desktop.analysis;

import ai.haski.desktop.analysis.quality.QualityThresholds;
import ai.haski.desktop.catalog.ModelCatalog;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.FaceDetector;
import ai.haski.desktop.inference.ModelLoadException;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.SettingsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one door to models for every face of the application: the catalogue of packages over the bundled and
 * per-user model folders, the runtimes' status, and {@link #open}, which loads and proves a model and hands it out
 * as an {@link Analyzer} its caller closes.
 */
public final class Engine {
    /** The object of {@code settings.json} that holds the quality thresholds. */
    public static final String QUALITY_SETTINGS = "quality";
    private final AppPaths paths;
    /** Replaced (never changed) by {@link #rescanModels}; readers on any thread see one whole registry. */
    private volatile ModelRegistry registry;
    private final Backends backends;
    private final ModelLoader loader;
    private final ModelCatalog catalog;

    private Engine(AppPaths paths, ModelRegistry registry, Backends backends) {
        this.paths = paths;
        this.registry = registry;
        this.backends = backends;
        this.loader = new ModelLoader(backends);
        this.catalog = new ModelCatalog(backends, paths, this::registry);
    }

    /**
     * Scans the model folders and prepares the runtimes (their native libraries load on first use).
     *
     * @param extraModelRoots more folders of packages, e.g. from a {@code --models-dir} option, scanned last
     */
    public static Engine create(AppPaths paths, List<Path> extraModelRoots) {
        List<ModelRegistry.Root> roots = new ArrayList<>();
        paths.bundledModelsDir().ifPresent(dir -> roots.add(new ModelRegistry.Root(dir, ModelPackage.Source.BUNDLED)));
        roots.add(new ModelRegistry.Root(paths.userModelsDir(), ModelPackage.Source.USER));
        extraModelRoots.forEach(dir -> roots.add(new ModelRegistry.Root(dir, ModelPackage.Source.USER)));
        return new Engine(paths, ModelRegistry.scan(roots), Backends.standard(paths.cacheDir()));
    }

    public AppPaths paths() {
        return paths;
    }

    /** The package catalogue: every usable package, and every refused folder with the reason. */
    public ModelRegistry registry() {
        return registry;
    }

    /** Reads the model folders again, after a package was imported, copied in or removed; returns the new registry. */
    public ModelRegistry rescanModels() {
        ModelRegistry now = registry.rescan();
        registry = now;
        return now;
    }

    /**
     * Chooses the package the request names (or the default one), loads it in the request's format with the
     * request's threads per inference, proves it by its test vector, and hands it out with an image decoder of the
     * request's limits.
     *
     * @throws NoUsableModelException when no package fits the request
     * @throws ModelUnavailableException when the package was found but none of the formats tried could be used
     */
    public Analyzer open(ModelRequest request) throws NoUsableModelException, ModelUnavailableException {
        ModelPackage pkg = choose(request.modelId());
        ActiveModel model;
        try {
            model = loader.load(pkg, ModelLoader.only(request.forcedFormat()), request.threads().threadsPerInference());
        } catch (ModelLoadException e) {
            throw new ModelUnavailableException(e.getMessage(), e);
        }
        FaceFinder faces = null;
        try {
            if (request.modelOnly()) {
                faces = FaceFinder.off();
                return new Analyzer(model, new ImageLoader(request.imageLimits()), Optional.empty(), faces);
            }
            faces = faceFinder(request, model.manifest().expectsFace());
            return new Analyzer(model, new ImageLoader(request.imageLimits()), Optional.of(qualityThresholds()),
                    faces);
        } catch (RuntimeException e) {
            if (faces != null) {
                faces.close();
            }
            model.close();
            throw e;
        }
    }

    /**
     * The quality thresholds analyzers opened now use: the defaults with the {@code "quality"} settings of
     * {@code settings.json} over them, read at each open so that a changed file counts from the next model load.
     */
    public QualityThresholds qualityThresholds() {
        return QualityThresholds.fromSettings(SettingsStore.forUser(paths).numbers(QUALITY_SETTINGS));
    }

    /**
     * The face stage for an analyzer: the first installed face detector package, loaded and proven like a model (in
     * the request's format when the package has it). A detector that cannot be used costs the faces, not the
     * analysis: every result then says why faces were not looked for.
     */
    private FaceFinder faceFinder(ModelRequest request, boolean expectsFace) {
        Optional<ModelPackage> pkg = registry.faceDetectors().stream().findFirst();
        if (pkg.isEmpty()) {
            return new FaceFinder(Optional.empty(), Optional.empty(), expectsFace);
        }
        List<ModelFormat> formats = request.forcedFormat()
                .filter(format -> pkg.get().manifest().weights().containsKey(format))
                .map(List::of).orElse(List.of());
        try {
            ActiveModel detector = loader.load(pkg.get(), formats, request.threads().threadsPerInference());
            return new FaceFinder(Optional.of(new FaceDetector(detector)), Optional.empty(), expectsFace);
        } catch (ModelLoadException e) {
            return new FaceFinder(Optional.empty(), Optional.of("the face detector " + e.getMessage()), expectsFace);
        }
    }

    /**
     * Loads a face detector package in one format, proves it by its test vector and frees it again: what
     * {@code self-check} reports for a detector.
     *
     * @throws ModelUnavailableException when that format cannot be used, saying why
     */
    public ModelFacts proveFaceDetector(ModelPackage pkg, ModelFormat format) throws ModelUnavailableException {
        try (ActiveModel model = loader.load(pkg, List.of(format), 1)) {
            return new ModelFacts(model.modelPackage(), model.format(), model.sha256(), model.runtime(),
                    model.testVectorDeviation(), model.loadNotes());
        } catch (ModelLoadException e) {
            throw new ModelUnavailableException(e.getMessage(), e);
        }
    }

    /**
     * How to add a face detector, for the listings and the window when none is installed: the package and the
     * command that puts it in place.
     */
    public static String howToAddFaceDetector(AppPaths paths) {
        return "no face detector is installed, so results say nothing about faces. From a source checkout run "
                + "tools/install-face-detector.sh (it fetches MediaPipe's BlazeFace with npm and copies it into "
                + "models/mediapipe-blazeface), or copy a face_detection package folder into " + paths.userModelsDir();
    }

    /** Whether the runtime for this format loads on this machine (the first call loads its native library). */
    public RuntimeStatus runtime(ModelFormat format) {
        return backends.get(format).status();
    }

    /** Which decoder plain JPEGs get in the analyzers this engine opens, in words for logs and benchmark output. */
    public String jpegDecoder() {
        return new ImageLoader().jpegDecoder();
    }

    /** The packages as the user manages them (import, install, remove), proven by this engine's runtimes. */
    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * The package to use: the one with the given id, else the first usable package (bundled ones come first).
     *
     * @throws NoUsableModelException naming what was asked for and what exists
     */
    public ModelPackage choose(Optional<String> id) throws NoUsableModelException {
        if (id.isPresent()) {
            return registry.find(id.get()).orElseThrow(() -> new NoUsableModelException(
                    "no usable model with id \"" + id.get() + "\"; " + describeAvailable()));
        }
        return registry.packages().stream().findFirst().orElseThrow(() -> new NoUsableModelException(
                "no usable model package; " + describeAvailable()));
    }

    private String describeAvailable() {
        StringBuilder text = new StringBuilder();
        if (registry.packages().isEmpty()) {
            text.append("none found");
        } else {
            text.append("available: ").append(registry.packages().stream().map(ModelPackage::id).toList());
        }
        registry.refused().forEach(r -> text.append("; refused ").append(r.folder()).append(": ").append(r.reason()));
        text.append(". Model packages are read from ")
                .append(paths.bundledModelsDir().map(Path::toString).orElse("(no bundled models folder)"))
                .append(" and ").append(paths.userModelsDir());
        return text.toString();
    }
}
