package ai.haski.desktop.analysis;

import ai.haski.desktop.analysis.PreparedPhoto.Cutout;
import ai.haski.desktop.analysis.quality.PhotoQuality;
import ai.haski.desktop.analysis.quality.QualityCheck;
import ai.haski.desktop.analysis.quality.QualityThresholds;
import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.HeadDecoder;
import ai.haski.desktop.inference.InferenceException;
import ai.haski.desktop.inference.InputGrid;
import ai.haski.desktop.inference.Preprocessor;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ModelManifest;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open model, as {@link Engine#open} hands it out: a photo in, an {@link Analysis} or an {@link AnalysisFailure}
 * out. It owns the loaded model (closing it frees the runtime's native memory), the image decoder and the
 * provenance every result carries. Safe to call from several threads; each thread reuses its own input buffer.
 */
public final class Analyzer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Analyzer.class);
    /**
     * The shortest side worth analysing. Smaller images (icons, 1-pixel strips) would be upscaled so far that the
     * model would see interpolation, not a photo, and still print a confident-looking answer.
     */
    public static final int MIN_SIDE = 32;

    private final ActiveModel model;
    private final RegionDecoder regionDecoder;
    /** A Preprocessor keeps working arrays between calls, so each thread has its own. */
    private final ThreadLocal<Preprocessor> preprocessors = ThreadLocal.withInitial(Preprocessor::new);
    private final Provenance provenance;
    private final ModelFacts facts;
    private final ThreadLocal<ByteBuffer> inputBuffers;
    /** Empty for the model's own path alone ({@link ModelRequest#modelOnly()}). */
    private final Optional<QualityCheck> qualityCheck;
    private final FaceFinder faceFinder;

    /**
     * Takes ownership of {@code model}: it is closed with this analyzer. Quality is judged by the defaults; no face
     * stage runs.
     */
    Analyzer(ActiveModel model, ImageLoader imageLoader) {
        this(model, imageLoader, Optional.of(QualityThresholds.DEFAULT),
                new FaceFinder(Optional.empty(), Optional.empty(), false));
    }

    /**
     * Takes ownership of {@code model} and of the face stage's detector: they are closed with this analyzer. No
     * quality thresholds: no quality check.
     */
    Analyzer(ActiveModel model, ImageLoader imageLoader, Optional<QualityThresholds> quality, FaceFinder faceFinder) {
        this.qualityCheck = quality.map(QualityCheck::new);
        this.model = model;
        this.faceFinder = faceFinder;
        this.regionDecoder = new RegionDecoder(imageLoader);
        ModelManifest manifest = model.manifest();
        this.provenance = new Provenance(manifest.id(), manifest.name(), manifest.version(), model.sha256(),
                model.format().id(), model.runtime().runtime(), model.runtime().version(), manifest.clinicalUse());
        this.facts = new ModelFacts(model.modelPackage(), model.format(), model.sha256(), model.runtime(),
                model.testVectorDeviation(), model.loadNotes());
        int bytes = model.inputBytes();
        this.inputBuffers = ThreadLocal.withInitial(
                () -> ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder()));
    }

    /** The package, format, runtime and weights this analyzer runs, and how they did on the test vector. */
    public ModelFacts model() {
        return facts;
    }

    public Provenance provenance() {
        return provenance;
    }

    /**
     * The face detector this analyzer runs, e.g. {@code mediapipe-blazeface 0.4.1657300184 (onnx, ONNX Runtime
     * 1.23.2)}; empty when no face detector package is installed or it could not be loaded.
     */
    public Optional<String> faceDetector() {
        return faceFinder.detector().map(d -> d.describe());
    }

    /** Analyses the whole of one file; never throws for a problem with the file or the model's answer. */
    public AnalysisOutcome analyze(Path file) {
        return analyze(file, RegionRequest.WHOLE);
    }

    /**
     * Analyses one region of one file, in pixels of the upright photo as shown; the result carries the region. A
     * region outside the photo or too small fails with REGION_OUTSIDE_PHOTO or REGION_TOO_SMALL. Never throws for a
     * problem with the file, the region or the model's answer.
     */
    public AnalysisOutcome analyze(Path file, Region region) {
        return analyze(file, RegionRequest.box(region));
    }

    /**
     * Analyses the part of one file the request names. For {@link RegionRequest#LARGEST_FACE} the face detector
     * looks for faces in the whole photo and the largest, enlarged by the model's {@code face_margin}, is analysed
     * (source "face"); a photo with no face fails with NO_FACE_FOUND, and without a face detector with
     * NO_FACE_DETECTOR. Never throws for a problem with the file, the region or the model's answer.
     */
    public AnalysisOutcome analyze(Path file, RegionRequest request) {
        java.util.Objects.requireNonNull(request, "request");
        return finish(prepare(file, request));
    }

    /**
     * The first step of {@link #analyze(Path, RegionRequest)}: everything that reads the file (the decode, the
     * choice of the largest face, the cut), and the quality check of the cut picture, which needs nothing else. It may run on another thread than {@link #finish}, ahead of it. Never
     * throws for a problem with the file or the region.
     */
    PreparedPhoto prepare(Path file, RegionRequest request) {
        try {
            return prepareOrThrow(file, request);
        } catch (RuntimeException e) {
            return PreparedPhoto.refused(unexpected(file, e));
        }
    }

    /**
     * The second step of {@link #analyze(Path, RegionRequest)}: preprocessing, the model, its heads and the face
     * stage, for a photo {@link #prepare} made. Never throws for a problem with the model's answer.
     */
    AnalysisOutcome finish(PreparedPhoto photo) {
        if (photo.refusal().isPresent()) {
            return photo.refusal().get();
        }
        try {
            return finishOrThrow(photo);
        } catch (RuntimeException e) {
            return unexpected(photo.file(), e);
        }
    }

    /** A bug must cost one file, not the whole batch; the log keeps the stack for a report. */
    private static AnalysisFailure unexpected(Path file, RuntimeException e) {
        LOG.error("Unexpected failure analysing {}", file.getFileName(), e);
        return new AnalysisFailure(file, "INTERNAL_ERROR", file.getFileName() + ": unexpected error ("
                + e + "); the other files go on. Please report it with the log file");
    }

    private PreparedPhoto prepareOrThrow(Path file, RegionRequest request) {
        long start = System.nanoTime();
        try {
            DecodedImage whole = decodeUsable(file);
            Cutout cutout = cutOut(file, whole, request);
            long checking = System.nanoTime();
            List<String> qualityWarnings = new ArrayList<>();
            Optional<PhotoQuality> quality = checkQuality(file, cutout.picture(), cutout.region(), qualityWarnings);
            long end = System.nanoTime();
            return PreparedPhoto.ready(file, whole, cutout,
                    new PreparedPhoto.CheckedQuality(quality, qualityWarnings, end - checking), end - start);
        } catch (Refused refused) {
            return PreparedPhoto.refused(refused.failure);
        }
    }

    private AnalysisOutcome finishOrThrow(PreparedPhoto photo) {
        // The wait between the two steps (a photo decoded ahead waits for its worker) is no stage's time: the
        // timings count the prepare step's own duration, then this step's, as if they had run back to back.
        long decodedAt = System.nanoTime();
        long start = decodedAt - photo.prepareNanos();
        Path file = photo.file();
        DecodedImage whole = photo.whole();
        Cutout cutout = photo.cutout();
        DecodedImage decoded = cutout.decoded();
        Region region = cutout.region();
        BufferedImage picture = cutout.picture();
        Optional<Faces> facesFound = cutout.faces();
        long faceNanos = cutout.faceNanos();

        ByteBuffer tensor = inputBuffers.get();
        tensor.clear();
        List<String> warnings = preprocess(decoded, picture, region, tensor);
        long preprocessedAt = System.nanoTime();
        Optional<PhotoQuality> quality = photo.checked().quality();
        warnings.addAll(photo.checked().warnings());
        double qualityMs = photo.checked().nanos() / 1_000_000.0;

        Map<String, float[]> outputs;
        try {
            outputs = model.infer(tensor);
        } catch (InferenceException e) {
            LOG.warn("Inference failed: file={} model={}: {}", file.getFileName(), model.describe(), e.getMessage());
            return new AnalysisFailure(file, "INFERENCE_FAILED", file.getFileName() + ": the model could not run: "
                    + e.getMessage());
        }
        long inferredAt = System.nanoTime();

        List<HeadResult> heads = HeadDecoder.decode(model.manifest().heads(), outputs);
        for (HeadResult head : heads) {
            for (float p : head.probabilities()) {
                if (!Float.isFinite(p)) {
                    return new AnalysisFailure(file, "INVALID_MODEL_OUTPUT", file.getFileName() + ": model "
                            + model.describe() + " produced a non-numeric value for head " + head.head()
                            + "; no result is shown. Check the model with self-check");
                }
            }
        }
        warnings.addAll(model.loadNotes().stream().map(note -> "fell back from " + note).toList());
        long postprocessedAt = System.nanoTime();
        // Faces are looked for in the whole photo (a face beside the region is still found), the skin tone is read
        // in the region.
        FaceFinder.Findings found = facesFound.isPresent() ? faceFinder.find(facesFound.get(), region, picture)
                : faceFinder.find(file, whole, region, picture);
        warnings.addAll(found.warnings());
        long done = System.nanoTime();
        double orientConvertMs = decoded.orientConvertNanos() / 1_000_000.0;
        // Finding the face to analyse happened before the cut; it is counted with the face stage, not the decode.
        double faceChoiceMs = faceNanos / 1_000_000.0;
        // The quality check ran in the prepare step, after the cut; it is counted as itself, not as the decode.
        StageTimings timings = new StageTimings(ms(start, decodedAt) - orientConvertMs - faceChoiceMs - qualityMs,
                orientConvertMs, ms(decodedAt, preprocessedAt),
                ms(preprocessedAt, inferredAt), ms(inferredAt, postprocessedAt), ms(start, done),
                qualityMs, ms(postprocessedAt, done) + faceChoiceMs);
        LOG.info("Analysed file={} model={} {} sha256={} format={} runtime={} {} timings_ms decode={} orient_convert={} "
                        + "preprocess={} inference={} postprocess={} faces={} total={} quality={} photo_quality={}",
                file.getFileName(), provenance.modelId(), provenance.modelVersion(), shortSha(), provenance.format(),
                provenance.runtime(), provenance.runtimeVersion(), fmt(timings.decodeMs()), fmt(timings.orientConvertMs()),
                fmt(timings.preprocessMs()), fmt(timings.inferenceMs()), fmt(timings.postprocessMs()),
                fmt(timings.facesMs()), fmt(timings.totalMs()), fmt(timings.qualityMs()),
                quality.map(q -> q.isPoor() ? q.codes() : "good").orElse("unmeasured"));
        ImageFacts facts = new ImageFacts(decoded.originalWidth(), decoded.originalHeight(),
                decoded.orientation().tagValue(), decoded.format());
        return new Analysis(file, heads, provenance, facts, timings, warnings, region, quality, found.faces(),
                found.skinTone());
    }

    /**
     * The quality of the picture the model sees (the region cut from the decode already made, never a second
     * decode), with the region's size in the photo's pixels for its resolution; each
     * problem is added to {@code warnings}. A bug in the check costs the quality, not the photo's result.
     */
    private Optional<PhotoQuality> checkQuality(Path file, BufferedImage picture, Region region,
            List<String> warnings) {
        if (qualityCheck.isEmpty()) {
            return Optional.empty();
        }
        InputSpec input = model.manifest().input();
        try {
            PhotoQuality quality = qualityCheck.get().check(picture, region.width(), region.height(), input.width(),
                    input.height());
            quality.problems().forEach(problem -> warnings.add("poor photo quality: " + problem.message()));
            return Optional.of(quality);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure checking the quality of {}", file.getFileName(), e);
            warnings.add("photo quality not measured: unexpected error (" + e + "); the result is shown without it. "
                    + "Please report it with the log file");
            return Optional.empty();
        }
    }

    /**
     * Explains one label of one head in a photo by occlusion sensitivity (see {@link Explainer}): the photo is
     * decoded and preprocessed once, then the model runs once per grid cell on a copy of that tensor. Never throws
     * for a problem with the file or the model's answer.
     *
     * @param cancelled asked between runs; true stops the explanation
     * @throws IllegalArgumentException before any work, when the request names a head or label the model lacks
     * @throws java.util.concurrent.CancellationException when {@code cancelled} stopped it
     */
    public ExplainOutcome explain(Path file, ExplainRequest request, ExplainProgress progress,
            BooleanSupplier cancelled) {
        HeadSpec head = request.resolveHead(model.manifest());
        try {
            return explainOrThrow(file, request, head, progress, cancelled);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure explaining {}", file.getFileName(), e);
            return new AnalysisFailure(file, "INTERNAL_ERROR", file.getFileName() + ": unexpected error (" + e
                    + "). Please report it with the log file");
        }
    }

    private ExplainOutcome explainOrThrow(Path file, ExplainRequest request, HeadSpec head, ExplainProgress progress,
            BooleanSupplier cancelled) {
        long start = System.nanoTime();
        DecodedImage whole;
        Cutout cutout;
        try {
            whole = decodeUsable(file);
            cutout = cutOut(file, whole, request.region());
        } catch (Refused refused) {
            return refused.failure;
        }
        Region region = cutout.region();
        BufferedImage picture = cutout.picture();
        long decodedAt = System.nanoTime();
        // Its own buffer, not this thread's: an analysis on the same thread must not see an occluded copy.
        ByteBuffer tensor = ByteBuffer.allocateDirect(model.inputBytes()).order(ByteOrder.nativeOrder());
        List<String> warnings = preprocess(cutout.decoded(), picture, region, tensor);
        long preprocessedAt = System.nanoTime();

        int width = picture.getWidth();
        int height = picture.getHeight();
        InputGrid grid = InputGrid.over(width, height, model.preprocessSpec(), request.rows(), request.cols());
        if (grid.rows() != request.rows() || grid.cols() != request.cols()) {
            warnings.add("grid reduced to " + grid.rows() + " x " + grid.cols() + ": the picture fills too few "
                    + "input pixels for " + request.rows() + " x " + request.cols() + " cells");
        }
        Explainer explainer = new Explainer(model, head);
        OcclusionMap map;
        try {
            map = explainer.run(tensor, grid, request.label(), region.x(), region.y(),
                    region.width() / (double) width, region.height() / (double) height, progress, cancelled);
        } catch (InferenceException e) {
            LOG.warn("Inference failed: file={} model={}: {}", file.getFileName(), model.describe(), e.getMessage());
            return new AnalysisFailure(file, "INFERENCE_FAILED", file.getFileName() + ": the model could not run: "
                    + e.getMessage());
        }
        if (!map.isFinite()) {
            return new AnalysisFailure(file, "INVALID_MODEL_OUTPUT", file.getFileName() + ": model "
                    + model.describe() + " produced a non-numeric value for head " + head.name()
                    + "; no map is shown. Check the model with self-check");
        }
        warnings.addAll(model.loadNotes().stream().map(note -> "fell back from " + note).toList());
        long done = System.nanoTime();
        ExplainTimings timings = new ExplainTimings(ms(start, decodedAt), ms(decodedAt, preprocessedAt),
                explainer.baselineNanos() / 1e6, explainer.occlusionNanos() / 1e6, ms(start, done),
                map.rows() * map.cols());
        LOG.info("Explained file={} model={} sha256={} head={} label={} grid={}x{} region={} {} timings_ms total={} "
                        + "occlusion={}", file.getFileName(), provenance.modelId(), shortSha(), head.name(), map.label(),
                map.rows(), map.cols(), region.source().id(), region.toText(), fmt(timings.totalMs()),
                fmt(timings.occlusionMs()));
        ImageFacts image = new ImageFacts(whole.originalWidth(), whole.originalHeight(),
                whole.orientation().tagValue(), whole.format());
        return new Explanation(file, provenance, image, map, timings, warnings, region);
    }

    private Cutout cutOut(Path file, DecodedImage whole, RegionRequest request) throws Refused {
        Region region;
        Optional<Faces> faces = Optional.empty();
        long faceNanos = 0;
        if (request instanceof RegionRequest.LargestFace) {
            long faceStart = System.nanoTime();
            FaceFinder.Choice choice = faceFinder.largestFace(file, whole, model.manifest().faceMargin());
            faceNanos = System.nanoTime() - faceStart;
            if (choice.failure().isPresent()) {
                LOG.info("Analysis failed: file={} code={} model={}", file.getFileName(),
                        choice.failure().get().code(), model.describe());
                throw new Refused(choice.failure().get());
            }
            faces = choice.faces();
            region = choice.region().orElseThrow();
        } else if (request instanceof RegionRequest.Box box) {
            region = box.region();
        } else {
            region = Region.whole(whole.originalWidth(), whole.originalHeight());
        }
        Optional<AnalysisFailure> refusal = region.refusal(file, whole.originalWidth(), whole.originalHeight());
        if (refusal.isPresent()) {
            LOG.info("Analysis failed: file={} code={} region={}", file.getFileName(), refusal.get().code(),
                    region.toText());
            throw new Refused(refusal.get());
        }
        InputSpec input = model.manifest().input();
        try {
            RegionDecoder.Cut cut = regionDecoder.cut(file, whole, region, input.width(), input.height());
            return new Cutout(region, cut.decoded(), cut.picture(), faces, faceNanos);
        } catch (ImageDecodeException e) {
            LOG.info("Analysis failed: file={} code={} model={}", file.getFileName(), e.code(), model.describe());
            throw new Refused(new AnalysisFailure(file, e.code().code(), e.getMessage()));
        }
    }

    /** Decodes the photo at about the size the model needs; refused when it cannot be read or is too small. */
    private DecodedImage decodeUsable(Path file) throws Refused {
        InputSpec input = model.manifest().input();
        DecodedImage decoded;
        try {
            decoded = regionDecoder.decodeWhole(file, input.width(), input.height());
        } catch (ImageDecodeException e) {
            LOG.info("Analysis failed: file={} code={} model={}", file.getFileName(), e.code(), model.describe());
            throw new Refused(new AnalysisFailure(file, e.code().code(), e.getMessage()));
        }
        if (Math.min(decoded.originalWidth(), decoded.originalHeight()) < MIN_SIDE) {
            throw new Refused(new AnalysisFailure(file, "IMAGE_TOO_SMALL", "Cannot use " + file.getFileName()
                    + ": it is only " + decoded.originalWidth() + " x " + decoded.originalHeight() + " pixels; a side "
                    + "shorter than " + MIN_SIDE + " pixels holds too little to analyse. Use the original photo, "
                    + "not a thumbnail."));
        }
        return decoded;
    }

    /**
     * Fills {@code tensor} from {@code picture} (the decode, or the region cut from it), through the model's own
     * preprocessing; returns the warnings so far (the model's, the decoder's, upscaling).
     */
    private List<String> preprocess(DecodedImage decoded, BufferedImage picture, Region region, ByteBuffer tensor) {
        InputSpec input = model.manifest().input();
        List<String> warnings = new ArrayList<>(model.manifest().warnings());
        warnings.addAll(decoded.warnings());
        preprocessors.get().toTensor(picture, model.preprocessSpec(), tensor.asFloatBuffer());
        if (Preprocessor.willUpscale(picture.getWidth(), picture.getHeight(), model.preprocessSpec())) {
            String what = region.source() == Region.Source.WHOLE ? "image" : "region";
            warnings.add(String.format(Locale.ROOT, "%s upscaled from %dx%d to the model's %dx%d; details may be "
                    + "invented by interpolation", what, region.width(), region.height(), input.width(),
                    input.height()));
        }
        return warnings;
    }

    /** A photo that cannot be used, carrying the failure to return; cheap, since it is control flow. */
    private static final class Refused extends Exception {
        private final transient AnalysisFailure failure;

        Refused(AnalysisFailure failure) {
            super(failure.code(), null, false, false);
            this.failure = failure;
        }
    }

    /**
     * Frees the model's native memory, after the runs in flight; a second call does nothing. An analysis asked for
     * afterwards fails with INFERENCE_FAILED, saying the model was closed.
     */
    @Override
    public void close() {
        try {
            faceFinder.close();
        } finally {
            model.close();
        }
    }

    private String shortSha() {
        return provenance.modelSha256().substring(0, 12);
    }

    private static double ms(long from, long to) {
        return (to - from) / 1_000_000.0;
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }
}
