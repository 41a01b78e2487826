package ai.haski.desktop.inference;

import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.HeadSpec.Activation;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ManifestParser;
import ai.haski.desktop.model.ModelManifest;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelPackageException;
import ai.haski.desktop.model.ModelPackageReader;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.model.OutputSpec;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.model.Sha256;
import ai.haski.desktop.model.TensorLayout;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Turns an exported network (ONNX and/or TFLite) into a model package: reads the real input and outputs from the
 * runtime, proposes the manifest, runs a sample image to make the test vector, and writes the package atomically
 * into a models folder, proven by {@link ModelLoader} before it is moved into place.
 *
 * <p>For a dialog: {@link #propose} never throws for what the user can fix; it returns the proposed manifest and
 * the {@link ImportProblem}s per field. {@link #write} writes a proposal without problems.
 */
public final class ModelImporter {
    /** ImageNet normalisation, the default (torchvision and most exports). */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    /** The largest test-vector tolerance a manifest may hold (see ManifestParser). */
    public static final double MAX_TOLERANCE = 0.1;
    static final String TEST_IMAGE = "test-input.png";
    /**
     * The largest model file imported: the runtime keeps the whole model in memory for as long as it is active, in an
     * app whose heap is 512 MB (packaging/jpackage/app-image.options); a skin or hair classifier needs a few MB.
     */
    static final long MAX_WEIGHTS_BYTES = 250_000_000L;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Backends backends;
    private final ModelLoader loader;
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
        this.loader = new ModelLoader(backends);
        this.modelsDir = modelsDir;
        this.defaultSample = defaultSample;
        this.existing = existing;
    }

    /** One weights file as its runtime sees it. */
    public record FormatFacts(ModelFormat format, Path source, String fileName, String sha256, String runtime,
            List<TensorInfo> inputs, List<TensorInfo> outputs, TensorLayout layout) {}

    /** How closely two formats of one network agree on the sample image. */
    public record Agreement(double maxRawDifference, double maxProbabilityDifference, double tolerance) {}

    /** The outcome of {@link #write}: where the package is and the proof it passed. */
    public record Result(Path folder, ModelPackage modelPackage, Map<ModelFormat, Double> testVectorDeviations,
            float tolerance, Optional<Agreement> agreement, List<FormatFacts> formats, List<HeadResult> sampleHeads,
            Path sample) {}

    /** A proposed package: the manifest, what was found, and the problems that stop it being written. */
    public static final class Proposal {
        private final ImportRequest request;
        private final List<ImportProblem> problems;
        private final List<FormatFacts> formats;
        private final String manifestJson;
        private final ModelManifest manifest;
        private final Optional<Agreement> agreement;
        private final List<HeadResult> sampleHeads;
        private final Path target;
        private final Path sample;
        private final float tolerance;
        private final Map<String, byte[]> files;

        Proposal(ImportRequest request, List<ImportProblem> problems, List<FormatFacts> formats, String manifestJson,
                ModelManifest manifest, Optional<Agreement> agreement, List<HeadResult> sampleHeads, Path target, Path sample,
                float tolerance, Map<String, byte[]> files) {
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
        public Optional<Agreement> agreement() { return agreement; }
        /** What the first format says about the sample image, per head. */
        public List<HeadResult> sampleHeads() { return sampleHeads; }
        /** The folder the package will be written to. */
        public Path target() { return target; }
        /** The image the test vector was made from (resized to the input size). */
        public Path sample() { return sample; }
        public float tolerance() { return tolerance; }
    }

    /** Proposes and, when there is no problem, writes the package. */
    public Result importModel(ImportRequest request) throws ImportException {
        return write(propose(request));
    }

    /** Everything short of writing: never throws for a problem the user can fix, which it lists instead. */
    public Proposal propose(ImportRequest request) {
        List<ImportProblem> problems = new ArrayList<>();
        Draft draft = new Draft(request, problems);
        try {
            draft.run();
        } catch (Refused e) {
            // problems already hold why
        } finally {
            draft.close();
        }
        return new Proposal(request, problems, draft.facts, problems.isEmpty() ? draft.manifestJson : null,
                problems.isEmpty() ? draft.parsed : null,
                draft.agreement, draft.sampleHeads, draft.target, draft.sample, draft.tolerance, draft.files);
    }

    /**
     * Writes a proposal into a temporary folder beside the target, proves it (reads it as the registry does, loads
     * every format through {@link ModelLoader} and runs its test vector), then moves it into place. An existing
     * package with the id is replaced only when the request said {@code force}.
     */
    public Result write(Proposal proposal) throws ImportException {
        if (!proposal.isValid()) {
            throw new ImportException(proposal.problems());
        }
        Path target = proposal.target();
        if (Files.exists(target) && !proposal.request().force()) {
            throw new ImportException(List.of(new ImportProblem("id", "a package already exists at " + target
                    + "; choose another id, or force to replace it")));
        }
        Path temp = null;
        try {
            Files.createDirectories(modelsDir);
            String id = target.getFileName().toString();
            temp = Files.createTempDirectory(modelsDir, "." + id + ".import-");
            for (Map.Entry<String, byte[]> file : proposal.files.entrySet()) {
                Files.write(temp.resolve(file.getKey()), file.getValue());
            }
            Files.write(temp.resolve(ModelPackage.MANIFEST_FILE),
                    proposal.manifestJson().getBytes(StandardCharsets.UTF_8));
            ModelPackage written = readPackage(temp);
            Map<ModelFormat, Double> deviations = new EnumMap<>(ModelFormat.class);
            for (ModelFormat format : written.manifest().backendPreference()) {
                try (ActiveModel model = loader.load(written, List.of(format), 1)) {
                    deviations.put(format, model.testVectorDeviation());
                } catch (ModelLoadException e) {
                    throw new ImportException(List.of(new ImportProblem("test_vector",
                            "the written package fails its own check on " + format.id() + ": " + e.getMessage())));
                }
            }
            moveIntoPlace(temp, target, id);
            temp = null;
            ModelPackage installed = readPackage(target);
            return new Result(target, installed, deviations, proposal.tolerance(), proposal.agreement(),
                    proposal.formats(), proposal.sampleHeads(), proposal.sample());
        } catch (IOException e) {
            throw new ImportException("cannot write the package into " + modelsDir + ": " + e, e);
        } finally {
            if (temp != null) {
                PackageFolders.deleteQuietly(temp);
            }
        }
    }

    private static ModelPackage readPackage(Path folder) throws ImportException {
        try {
            return ModelPackageReader.read(folder, ModelPackage.Source.USER);
        } catch (ModelPackageException e) {
            throw new ImportException(List.of(new ImportProblem(e.field() == null ? "manifest" : e.field(),
                    "the written package is refused: " + e.getMessage())));
        }
    }

    private void moveIntoPlace(Path temp, Path target, String id) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = modelsDir.resolve("." + id + ".replaced-" + System.nanoTime());
            PackageFolders.move(target, old);
        }
        try {
            PackageFolders.move(temp, target);
        } catch (IOException e) {
            if (old != null) {
                PackageFolders.move(old, target);
            }
            throw e;
        }
        if (old != null) {
            PackageFolders.deleteQuietly(old);
        }
    }



    /** The id proposed for a file: its name without extension, lower-cased, other characters as '-'. */
    public static String defaultId(Path file) {
        String stem = stem(file).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "");
        if (stem.length() > 64) {
            stem = stem.substring(0, 64);
        }
        return stem.isEmpty() ? "imported-model" : stem;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The format a file's extension names. */
    public static Optional<ModelFormat> formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return Optional.of(ModelFormat.ONNX);
        }
        if (name.endsWith(".tflite")) {
            return Optional.of(ModelFormat.TFLITE);
        }
        return Optional.empty();
    }

    /** Thrown inside a draft once a problem makes the later steps meaningless. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    /** One weights file loaded for inspection. */
    private record Loaded(ModelFormat format, Path file, byte[] bytes, String sha256, LoadedModel model,
            String runtime) {}

    /** The work of one proposal; collects problems as it goes. */
    private final class Draft {
        final ImportRequest request;
        final List<ImportProblem> problems;
        final List<Loaded> loaded = new ArrayList<>();
        final List<FormatFacts> facts = new ArrayList<>();
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final Map<ModelFormat, TensorLayout> layouts = new EnumMap<>(ModelFormat.class);
        String manifestJson;
        ModelManifest parsed;
        Optional<Agreement> agreement = Optional.empty();
        List<HeadResult> sampleHeads = List.of();
        Path target;
        Path sample;
        float tolerance;

        Draft(ImportRequest request, List<ImportProblem> problems) {
            this.request = request;
            this.problems = problems;
        }

        void problem(String field, String message) {
            problems.add(new ImportProblem(field, message));
        }

        void stopIfAny() throws Refused {
            if (!problems.isEmpty()) {
                throw new Refused();
            }
        }

        void close() {
            loaded.forEach(l -> l.model().close());
        }

        void run() throws Refused {
            Map<ModelFormat, Path> byFormat = files();
            String id = identity(byFormat);
            load(byFormat);
            InputSpec input = input();
            checkOutputTypes();
            BufferedImage image = sampleImage(input);
            Map<ModelFormat, Map<String, float[]>> raw = new EnumMap<>(ModelFormat.class);
            for (Loaded l : loaded) {
                raw.put(l.format(), runOnce(l, input, image));
            }
            stopIfAny();
            Loaded first = loaded.get(0);
            List<OutputSpec> outputs = outputs(first, raw.get(first.format()));
            stopIfAny();
            // Every format's outputs under the manifest's names (the first format's), paired by name or position.
            Map<ModelFormat, Map<String, float[]>> byManifestName = new EnumMap<>(ModelFormat.class);
            for (Loaded l : loaded) {
                byManifestName.put(l.format(), pair(l, outputs, raw.get(l.format())));
            }
            stopIfAny();
            List<HeadSpec> heads = heads(outputs);
            stopIfAny();
            sampleHeads = HeadDecoder.decode(heads, byManifestName.get(first.format()));
            tolerance = (float) tolerance(outputs, byManifestName.get(first.format()));
            if (loaded.size() == 2) {
                compare(heads, byManifestName);
            }
            stopIfAny();
            manifestJson = manifest(id, input, outputs, heads, byManifestName.get(first.format()));
            validate();
        }

        Map<ModelFormat, Path> files() throws Refused {
            List<Path> given = request.files();
            if (given.isEmpty() || given.size() > 2) {
                problem("files", "name one weights file (.onnx or .tflite), or two: an ONNX and a TFLite file of the "
                        + "same network; found " + given.size());
                throw new Refused();
            }
            Map<ModelFormat, Path> byFormat = new EnumMap<>(ModelFormat.class);
            for (Path file : given) {
                Optional<ModelFormat> format = formatOf(file);
                if (format.isEmpty()) {
                    problem("files", file + " is not a .onnx or .tflite file");
                } else if (byFormat.containsKey(format.get())) {
                    problem("files", "two " + format.get().id() + " files (" + byFormat.get(format.get()) + ", "
                            + file + "); two files must be one ONNX and one TFLite export of the same network");
                } else if (!Files.isRegularFile(file)) {
                    problem("files", file + " does not exist or is not a file");
                } else {
                    byFormat.put(format.get(), file);
                }
            }
            stopIfAny();
            return byFormat;
        }

        String identity(Map<ModelFormat, Path> byFormat) throws Refused {
            String id = request.id().orElse(defaultId(byFormat.values().iterator().next()));
            if (!ID.matcher(id).matches()) {
                problem("id", "must be lower-case letters, digits, '.', '_' or '-' (at most 64), starting with a "
                        + "letter or digit; found \"" + id + "\"");
                throw new Refused();
            }
            target = modelsDir.resolve(id);
            Optional<ModelPackage> taken = existing.flatMap(r -> r.find(id));
            if (taken.isPresent() && !samePath(taken.get().folder(), target)) {
                problem("id", "\"" + id + "\" is already the id of the " + taken.get().source().name()
                        .toLowerCase(Locale.ROOT) + " model in " + taken.get().folder() + "; choose another id");
            } else if (Files.exists(target) && !request.force()) {
                problem("id", "a package \"" + id + "\" already exists at " + target
                        + "; choose another id, or force (--force) to replace it");
            }
            return id;
        }

        void load(Map<ModelFormat, Path> byFormat) throws Refused {
            for (Map.Entry<ModelFormat, Path> entry : byFormat.entrySet()) {
                ModelFormat format = entry.getKey();
                Path file = entry.getValue();
                String field = "weights." + format.id();
                InferenceBackend backend = backends.get(format);
                RuntimeStatus status = backend.status();
                if (!status.isAvailable()) {
                    problem(field, file + ": " + status.runtime() + " is not available on this machine: "
                            + status.unavailableReason().orElse("unknown reason"));
                    continue;
                }
                byte[] bytes;
                try {
                    long size = Files.size(file);
                    if (size > MAX_WEIGHTS_BYTES) {
                        problem(field, String.format(Locale.ROOT, "%s is %.0f MB; Haski Desktop imports model files "
                                + "of up to %d MB, because the runtime holds the whole model in memory beside the "
                                + "photos being analysed. Make the network smaller: quantise it to int8 (about a "
                                + "quarter of the size) or use a smaller architecture (a MobileNetV3-small "
                                + "classifier is 6 MB).", file, size / 1e6, MAX_WEIGHTS_BYTES / 1_000_000));
                        continue;
                    }
                    bytes = Files.readAllBytes(file);
                } catch (IOException | OutOfMemoryError e) {
                    problem(field, file + " cannot be read: " + e.getMessage());
                    continue;
                }
                try {
                    LoadedModel model = backend.load(bytes, file.getFileName().toString(), 1);
                    loaded.add(new Loaded(format, file, bytes, Sha256.of(bytes), model, status.describe()));
                } catch (InferenceException | RuntimeException e) {
                    problem(field, file + ": " + status.runtime() + " cannot load it: " + e.getMessage());
                }
            }
            stopIfAny();
        }

        InputSpec input() throws Refused {
            Integer width = null;
            Integer height = null;
            String inputName = null;
            for (Loaded l : loaded) {
                List<TensorInfo> inputs = l.model().inputs();
                facts.add(new FormatFacts(l.format(), l.file(), fileName(l.format()), l.sha256(), l.runtime(),
                        inputs, l.model().outputs(), null));
                if (inputs.size() != 1) {
                    problem("input", l.file() + " has " + inputs.size() + " inputs " + inputs
                            + "; Haski models take exactly one image input");
                    continue;
                }
                TensorInfo in = inputs.get(0);
                checkType(l, in, "input");
                long[] shape = in.shape();
                if (shape.length != 4) {
                    problem("input", l.file() + ": the input " + in + " is not an image tensor of rank 4 "
                            + "([1,3,H,W] or [1,H,W,3])");
                    continue;
                }
                if (shape[0] > 1) {
                    problem("input", l.file() + ": the input " + in + " has a fixed batch of " + shape[0]
                            + "; export it with a batch of 1 (or a dynamic batch)");
                    continue;
                }
                TensorLayout layout = layout(l, in);
                if (layout == null) {
                    continue;
                }
                layouts.put(l.format(), layout);
                facts.set(facts.size() - 1, new FormatFacts(l.format(), l.file(), fileName(l.format()), l.sha256(),
                        l.runtime(), inputs, l.model().outputs(), layout));
                long h = layout == TensorLayout.NCHW ? shape[2] : shape[1];
                long w = layout == TensorLayout.NCHW ? shape[3] : shape[2];
                int[] size = size(l, in, w, h);
                if (size == null) {
                    continue;
                }
                if (width == null) {
                    width = size[0];
                    height = size[1];
                    inputName = in.name();
                } else if (width != size[0] || height != size[1]) {
                    problem("input.width", "the two files take different input sizes (" + width + "x" + height
                            + " and " + size[0] + "x" + size[1] + "); they are not the same network");
                }
            }
            stopIfAny();
            float[] mean = request.mean().orElse(IMAGENET_MEAN);
            float[] std = request.std().orElse(IMAGENET_STD);
            if (request.mean().isPresent() != request.std().isPresent()) {
                problem("input.preprocessing.mean", "give both --mean and --std, or neither (ImageNet's)");
            }
            if (mean.length != 3 || std.length != 3) {
                problem("input.preprocessing.mean", "mean and std need 3 values each (one per channel)");
            } else {
                for (float s : std) {
                    if (!(s > 0)) {
                        problem("input.preprocessing.std", "must be positive, found " + Arrays.toString(std));
                        break;
                    }
                }
            }
            stopIfAny();
            return new InputSpec(inputName, layouts.get(loaded.get(0).format()), width, height, 3, ColourOrder.RGB,
                    "float32", ResizeMode.STRETCH, true, mean, std);
        }

        TensorLayout layout(Loaded l, TensorInfo in) {
            long[] shape = in.shape();
            boolean channelsFirst = shape[1] == 3;
            boolean channelsLast = shape[3] == 3;
            Optional<TensorLayout> asked = request.layout();
            if (asked.isPresent()) {
                long channels = asked.get() == TensorLayout.NCHW ? shape[1] : shape[3];
                if (channels != 3 && channels != -1) {
                    problem("input.layout", l.file() + ": layout " + asked.get() + " puts the channels on an axis of "
                            + "size " + channels + " in the input " + in + "; a colour image needs 3");
                    return null;
                }
                return asked.get();
            }
            if (channelsFirst && !channelsLast) {
                return TensorLayout.NCHW;
            }
            if (channelsLast && !channelsFirst) {
                return TensorLayout.NHWC;
            }
            problem("input.layout", l.file() + ": the input " + in + (channelsFirst
                    ? " could be NCHW or NHWC (both axes are 3)" : " has no axis of 3 channels where NCHW or NHWC "
                    + "would put it") + "; say which with --layout NCHW or --layout NHWC");
            return null;
        }

        int[] size(Loaded l, TensorInfo in, long w, long h) {
            boolean dynamic = w <= 0 || h <= 0;
            Optional<Integer> askedW = request.width();
            Optional<Integer> askedH = request.height();
            if (askedW.isPresent() && (askedW.get() < 1 || askedH.orElse(0) < 1 || askedW.get() > 4096
                    || askedH.get() > 4096)) {
                problem("input.width", "--size must be WxH with sides from 1 to 4096, found " + askedW.get() + "x"
                        + askedH.orElse(0));
                return null;
            }
            if (dynamic) {
                if (l.format() == ModelFormat.TFLITE) {
                    problem("input.width", l.file() + ": the input " + in + " has a dynamic height or width; the "
                            + "TFLite backend runs fixed input sizes only: convert the model with a fixed size");
                    return null;
                }
                if (askedW.isEmpty()) {
                    problem("input.width", l.file() + ": the input " + in + " has a dynamic height or width, so "
                            + "its size cannot be read from the file; settle it with --size WxH (e.g. --size "
                            + "224x224, the size the network was trained at)");
                    return null;
                }
                if ((w > 0 && w != askedW.get()) || (h > 0 && h != askedH.get())) {
                    problem("input.width", l.file() + ": --size " + askedW.get() + "x" + askedH.get()
                            + " contradicts the fixed side of the input " + in);
                    return null;
                }
                return new int[] {askedW.get(), askedH.get()};
            }
            if (askedW.isPresent() && (askedW.get() != w || askedH.get() != h)) {
                problem("input.width", l.file() + ": --size " + askedW.get() + "x" + askedH.get()
                        + " differs from the input " + in + ", which is fixed at " + w + "x" + h);
                return null;
            }
            return new int[] {(int) w, (int) h};
        }

        void checkType(Loaded l, TensorInfo tensor, String field) {
            String dtype = tensor.dtype();
            if (dtype.equals("float32")) {
                return;
            }
            boolean eightBit = dtype.equals("int8") || dtype.equals("uint8");
            String what = l.file() + ": the " + (field.equals("input") ? "input " : "output ") + tensor;
            if (l.format() == ModelFormat.ONNX) {
                problem(field, what + " is not float32; the ONNX Runtime backend takes only float32 inputs and "
                        + "outputs" + (eightBit ? " (for an int8 model, use its TFLite export)" : ""));
            } else if (!eightBit) {
                problem(field, what + " is neither float32 nor int8/uint8; the TFLite backend cannot use it");
            } else if (!tensor.quantization().isPresent()) {
                problem(field, what + " has no quantisation parameters (scale, zero point), so "
                        + "its values cannot be converted to or from float32; export it with full-integer "
                        + "quantisation parameters, or as float32");
            }
        }

        void checkOutputTypes() throws Refused {
            for (Loaded l : loaded) {
                List<TensorInfo> outs = l.model().outputs();
                if (outs.isEmpty()) {
                    problem("outputs", l.file() + " has no output");
                }
                for (int i = 0; i < outs.size(); i++) {
                    checkType(l, outs.get(i), "outputs[" + i + "].dtype");
                }
            }
            stopIfAny();
        }

        BufferedImage sampleImage(InputSpec input) throws Refused {
            Optional<Path> chosen = request.sample().or(() -> defaultSample);
            if (chosen.isEmpty()) {
                problem("sample", "no sample image: give one with --sample IMAGE (the bundled "
                        + "models/haski-reference/test-input.png was not found)");
                throw new Refused();
            }
            sample = chosen.get();
            ImageLoader images = new ImageLoader();
            try {
                DecodedImage decoded = images.load(sample, input.width(), input.height());
                BufferedImage resized = new BufferedImage(input.width(), input.height(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = resized.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                    g.drawImage(decoded.image(), 0, 0, input.width(), input.height(), null);
                } finally {
                    g.dispose();
                }
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                if (!ImageIO.write(resized, "png", png)) {
                    throw new IOException("no PNG writer");
                }
                files.put(TEST_IMAGE, png.toByteArray());
                // Run exactly what the loader's check will: the PNG as the image loader decodes it.
                Path temp = Files.createTempFile("haski-import-", ".png");
                try {
                    Files.write(temp, png.toByteArray());
                    return images.load(temp, input.width(), input.height()).image();
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (ImageDecodeException e) {
                problem("sample", sample + " cannot be used as the sample image: " + e.getMessage());
            } catch (IOException e) {
                problem("sample", "cannot make the test image from " + sample + ": " + e.getMessage());
            }
            throw new Refused();
        }

        Map<String, float[]> runOnce(Loaded l, InputSpec input, BufferedImage image) {
            TensorLayout layout = layouts.get(l.format());
            PreprocessSpec spec = PreprocessSpec.of(input, layout);
            ByteBuffer tensor = ByteBuffer.allocateDirect(spec.tensorSize() * Float.BYTES)
                    .order(ByteOrder.nativeOrder());
            new Preprocessor().toTensor(image, spec, tensor.asFloatBuffer());
            try {
                return l.model().run(tensor, input.shape(layout));
            } catch (InferenceException | RuntimeException e) {
                problem("weights." + l.format().id(), l.file() + " does not run on the sample image: "
                        + e.getMessage());
                return Map.of();
            }
        }

        List<OutputSpec> outputs(Loaded l, Map<String, float[]> values) {
            List<OutputSpec> outputs = new ArrayList<>();
            List<TensorInfo> infos = l.model().outputs();
            for (int i = 0; i < infos.size(); i++) {
                TensorInfo info = infos.get(i);
                float[] data = values.get(info.name());
                if (data == null) {
                    problem("outputs[" + i + "]", l.file() + ": the output " + info.name() + " gave no values");
                    continue;
                }
                long[] shape = info.shape();
                if (shape.length == 0) {
                    shape = new long[] {data.length};
                }
                if (shape[0] <= 0) {
                    shape[0] = 1;
                }
                long known = 1;
                int dynamicAxis = -1;
                int dynamicCount = 0;
                for (int d = 0; d < shape.length; d++) {
                    if (shape[d] <= 0) {
                        dynamicAxis = d;
                        dynamicCount++;
                    } else {
                        known *= shape[d];
                    }
                }
                if (dynamicCount > 1) {
                    problem("outputs[" + i + "].shape", l.file() + ": the output " + info + " has more than one "
                            + "dynamic axis besides the batch; export it with a fixed shape");
                    continue;
                }
                if (dynamicCount == 1) {
                    shape[dynamicAxis] = data.length / known;
                }
                long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                if (count != data.length) {
                    problem("outputs[" + i + "].shape", l.file() + ": the output " + info + " gave " + data.length
                            + " values for one image");
                    continue;
                }
                outputs.add(new OutputSpec(info.name(), shape, "float32"));
            }
            return outputs;
        }

        Map<String, float[]> pair(Loaded l, List<OutputSpec> outputs, Map<String, float[]> values) {
            Map<String, float[]> paired = new LinkedHashMap<>();
            List<TensorInfo> infos = l.model().outputs();
            if (infos.size() != outputs.size()) {
                problem("outputs", l.file() + " has " + infos.size() + " outputs " + infos + " but "
                        + loaded.get(0).file() + " has " + outputs.size() + "; they are not the same network");
                return paired;
            }
            boolean byName = outputs.stream().allMatch(o -> values.containsKey(o.name()));
            for (int i = 0; i < outputs.size(); i++) {
                OutputSpec out = outputs.get(i);
                float[] data = byName ? values.get(out.name()) : values.get(infos.get(i).name());
                if (data == null || data.length != out.elementCount()) {
                    problem("outputs[" + i + "].shape", l.file() + ": output " + (i + 1) + " has "
                            + (data == null ? "no" : String.valueOf(data.length)) + " values but "
                            + loaded.get(0).file() + " gives " + out.elementCount() + "; they are not the same "
                            + "network");
                    continue;
                }
                paired.put(out.name(), data);
            }
            return paired;
        }

        List<HeadSpec> heads(List<OutputSpec> outputs) throws Refused {
            List<LabelsFile.Head> drafts;
            if (request.labels().isPresent()) {
                try {
                    drafts = LabelsFile.read(request.labels().get());
                } catch (ImportException e) {
                    problems.addAll(e.problems());
                    throw new Refused();
                }
            } else if (outputs.size() == 1 && outputs.get(0).elementCount() == LabelsFile.HASKI_VALUES) {
                drafts = LabelsFile.haskiDefault();
            } else {
                long total = outputs.stream().mapToLong(OutputSpec::elementCount).sum();
                problem("labels", "the model's output" + (outputs.size() == 1 ? " " + outputs.get(0).name() + " has "
                        : "s " + outputs.stream().map(OutputSpec::name).toList() + " have ") + total + " values; "
                        + "without a labels file only a 14-value output gets the Haski layout (skin_type 5, "
                        + "hair_type 4, condition 5): give --labels FILE (see models/README.md)");
                throw new Refused();
            }
            String labelsName = request.labels().map(Path::toString).orElse("the default Haski layout");
            Map<String, Integer> used = new LinkedHashMap<>();
            outputs.forEach(o -> used.put(o.name(), 0));
            List<HeadSpec> heads = new ArrayList<>();
            int cursor = 0;
            for (LabelsFile.Head draft : drafts) {
                OutputSpec output;
                if (draft.output().isPresent()) {
                    Optional<OutputSpec> named = outputs.stream().filter(o -> o.name().equals(draft.output().get()))
                            .findFirst();
                    if (named.isEmpty()) {
                        problem("labels", labelsName + ": head " + draft.name() + " names output \""
                                + draft.output().get() + "\", but the model's outputs are "
                                + outputs.stream().map(OutputSpec::name).toList());
                        continue;
                    }
                    output = named.get();
                } else {
                    while (cursor < outputs.size() - 1
                            && used.get(outputs.get(cursor).name()) >= outputs.get(cursor).elementCount()) {
                        cursor++;
                    }
                    output = outputs.get(cursor);
                }
                if (draft.noneLabel().isPresent() && !draft.labels().contains(draft.noneLabel().get())) {
                    problem("labels", labelsName + ": head " + draft.name() + ": none_label \""
                            + draft.noneLabel().get() + "\" is not one of its labels " + draft.labels());
                    continue;
                }
                if (draft.mode() == HeadSpec.Mode.MULTI_LABEL && draft.activation() == Activation.SOFTMAX) {
                    problem("labels", labelsName + ": head " + draft.name() + " is multi_label with softmax, which "
                            + "makes classes exclusive; use \"activation\": \"sigmoid\"");
                    continue;
                }
                int offset = used.get(output.name());
                used.put(output.name(), offset + draft.labels().size());
                heads.add(new HeadSpec(draft.name(), output.name(), offset, draft.labels().size(),
                        draft.activation(), draft.mode(), draft.labels(), draft.noneLabel(),
                        draft.threshold().orElse(0.5f)));
            }
            stopIfAny();
            for (OutputSpec output : outputs) {
                long have = used.get(output.name());
                if (have != output.elementCount()) {
                    List<String> on = heads.stream().filter(h -> h.output().equals(output.name()))
                            .map(h -> h.name() + " " + h.length()).toList();
                    problem("labels", labelsName + " gives " + have + " labels for output " + output.name()
                            + (on.isEmpty() ? "" : " (" + String.join(" + ", on) + ")") + " but the model's output "
                            + output.name() + " " + Arrays.toString(output.shape()) + " has " + output.elementCount()
                            + " values; they must match one for one, in output order");
                }
            }
            stopIfAny();
            return heads;
        }

        double tolerance(List<OutputSpec> outputs, Map<String, float[]> expected) {
            double maxAbs = 0;
            for (float[] values : expected.values()) {
                for (float v : values) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
            // Float: a little above what thread counts and SIMD paths change; quantised: half an output step.
            double tol = Math.max(2e-4, 1e-5 * maxAbs);
            for (Loaded l : loaded) {
                for (TensorInfo out : l.model().outputs()) {
                    if (out.quantization().isPresent()) {
                        tol = Math.max(tol, out.quantization().scale() / 2.0);
                    }
                }
            }
            if (loaded.size() == 2) {
                tol = Math.max(tol, request.agreement());
            }
            return Math.min(MAX_TOLERANCE, tol);
        }

        void compare(List<HeadSpec> heads, Map<ModelFormat, Map<String, float[]>> byManifestName) {
            Loaded a = loaded.get(0);
            Loaded b = loaded.get(1);
            Map<String, float[]> first = byManifestName.get(a.format());
            Map<String, float[]> second = byManifestName.get(b.format());
            double raw = 0;
            for (Map.Entry<String, float[]> e : first.entrySet()) {
                float[] x = e.getValue();
                float[] y = second.get(e.getKey());
                for (int i = 0; i < x.length; i++) {
                    raw = Math.max(raw, Math.abs((double) x[i] - y[i]));
                }
            }
            List<HeadResult> ha = HeadDecoder.decode(heads, first);
            List<HeadResult> hb = HeadDecoder.decode(heads, second);
            double prob = 0;
            for (int h = 0; h < ha.size(); h++) {
                float[] pa = ha.get(h).probabilities();
                float[] pb = hb.get(h).probabilities();
                for (int i = 0; i < pa.length; i++) {
                    prob = Math.max(prob, Math.abs((double) pa[i] - pb[i]));
                }
                if (!ha.get(h).topLabel().equals(hb.get(h).topLabel())) {
                    problem("agreement", String.format(Locale.ROOT, "on the sample image, head %s says %s (%.4f) in "
                            + "%s but %s (%.4f) in %s: the two files do not compute the same network (max raw "
                            + "difference %.3g)", ha.get(h).head(), ha.get(h).topLabel(), ha.get(h).topProbability(),
                            a.format().id(), hb.get(h).topLabel(), hb.get(h).topProbability(), b.format().id(), raw));
                }
            }
            double allowed = request.agreement();
            agreement = Optional.of(new Agreement(raw, prob, allowed));
            if (!(allowed > 0)) {
                problem("agreement", "the agreement tolerance must be positive, found " + allowed);
            } else if (raw > allowed) {
                problem("agreement", String.format(Locale.ROOT, "the %s and %s files differ by up to %.3g in their "
                        + "raw outputs on the sample image (max probability difference %.3g), more than the "
                        + "agreement tolerance %.1e: they may not be exports of the same network, or one is "
                        + "quantised; check them, or allow more with --agreement (at most %.1f, the largest test "
                        + "vector tolerance)", a.format().id(), b.format().id(), raw, prob, allowed, MAX_TOLERANCE));
            } else if (raw > MAX_TOLERANCE) {
                problem("agreement", String.format(Locale.ROOT, "the formats differ by %.3g on the sample image; "
                        + "one package's test vector accepts at most %.1f, so import them as two packages", raw,
                        MAX_TOLERANCE));
            }
        }

        String manifest(String id, InputSpec input, List<OutputSpec> outputs, List<HeadSpec> heads,
                Map<String, float[]> expected) {
            ObjectNode root = JSON.createObjectNode();
            Loaded first = loaded.get(0);
            root.put("format_version", ManifestParser.FORMAT_VERSION);
            root.put("id", id);
            root.put("name", request.name().orElse(stem(first.file())));
            root.put("version", request.version().orElse("1.0.0"));
            root.put("description", "Imported with `haski-desktop models import` from "
                    + loaded.stream().map(l -> l.file().getFileName().toString()).toList() + ".");
            root.put("licence", request.licence().orElse("unknown"));
            root.putArray("authors");
            root.put("intended_use", "Imported by the user; not validated by Haski Desktop.");
            root.put("clinical_use", false);
            ObjectNode in = root.putObject("input");
            in.put("name", input.name());
            in.put("layout", input.layout().name());
            in.put("width", input.width());
            in.put("height", input.height());
            in.put("channels", 3);
            in.put("colour_order", input.colourOrder().name());
            in.put("dtype", "float32");
            ObjectNode pre = in.putObject("preprocessing");
            pre.put("resize", input.resize().name().toLowerCase(Locale.ROOT));
            pre.put("scale_to_unit", input.scaleToUnit());
            ArrayNode mean = pre.putArray("mean");
            for (float v : input.mean()) {
                mean.add(v);
            }
            ArrayNode std = pre.putArray("std");
            for (float v : input.std()) {
                std.add(v);
            }
            ArrayNode outs = root.putArray("outputs");
            for (OutputSpec output : outputs) {
                ObjectNode o = outs.addObject();
                o.put("name", output.name());
                ArrayNode shape = o.putArray("shape");
                for (long d : output.shape()) {
                    shape.add(d);
                }
                o.put("dtype", "float32");
            }
            ArrayNode headArray = root.putArray("heads");
            for (HeadSpec head : heads) {
                ObjectNode h = headArray.addObject();
                h.put("name", head.name());
                h.put("output", head.output());
                h.put("offset", head.offset());
                h.put("length", head.length());
                h.put("activation", head.activation().name().toLowerCase(Locale.ROOT));
                h.put("mode", head.mode().name().toLowerCase(Locale.ROOT));
                ArrayNode labels = h.putArray("labels");
                head.labels().forEach(labels::add);
                head.noneLabel().ifPresent(n -> h.put("none_label", n));
                if (head.mode() == HeadSpec.Mode.MULTI_LABEL) {
                    h.put("threshold", head.threshold());
                }
            }
            ObjectNode weights = root.putObject("weights");
            ArrayNode preference = root.putArray("backend_preference");
            for (Loaded l : loaded) {
                ObjectNode w = weights.putObject(l.format().id());
                w.put("file", fileName(l.format()));
                w.put("sha256", l.sha256());
                w.put("layout", layouts.get(l.format()).name());
                preference.add(l.format().id());
                files.put(fileName(l.format()), l.bytes());
            }
            ObjectNode vector = root.putObject("test_vector");
            vector.put("input_image", TEST_IMAGE);
            ObjectNode exp = vector.putObject("expected");
            for (OutputSpec output : outputs) {
                ArrayNode values = exp.putArray(output.name());
                for (float v : expected.get(output.name())) {
                    values.add(v);
                }
            }
            vector.put("tolerance", (double) tolerance);
            ObjectNode imported = root.putObject("imported");
            imported.put("tool", "haski-desktop models import");
            ArrayNode sources = imported.putArray("sources");
            for (Loaded l : loaded) {
                ObjectNode s = sources.addObject();
                s.put("file", l.file().getFileName().toString());
                s.put("format", l.format().id());
                s.put("runtime", l.runtime());
            }
            imported.put("sample_image", sample.getFileName().toString());
            agreement.ifPresent(a -> {
                ObjectNode ag = imported.putObject("agreement");
                ag.put("max_raw_difference", a.maxRawDifference());
                ag.put("max_probability_difference", a.maxProbabilityDifference());
                ag.put("tolerance", a.tolerance());
            });
            Object labelsFrom = request.labels().map(p -> (Object) p.getFileName().toString())
                    .orElse("default Haski layout");
            imported.put("labels", labelsFrom.toString());
            try {
                return JSON.writeValueAsString(root) + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The manifest must pass the same parser the registry uses; a problem names its field. */
        void validate() {
            Path temp = null;
            try {
                temp = Files.createTempFile("haski-import-", ".json");
                Files.writeString(temp, manifestJson);
                parsed = ManifestParser.parse(temp);
            } catch (ModelPackageException e) {
                String message = e.getMessage();
                int cut = message.indexOf(": field '");
                problem(e.field() == null ? "manifest" : e.field(), cut >= 0 && e.field() != null
                        ? message.substring(message.indexOf("': ", cut) + 3) : message);
            } catch (IOException e) {
                problem("manifest", "cannot check the proposed manifest: " + e.getMessage());
            } finally {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException e) {
                        // a temporary file left behind
                    }
                }
            }
        }
    }

    private static String fileName(ModelFormat format) {
        return "model." + format.id();
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
