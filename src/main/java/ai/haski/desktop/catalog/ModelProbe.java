package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.catalog.ProblemList.Refused;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.InferenceBackend;
import ai.haski.desktop.inference.InferenceException;
import ai.haski.desktop.inference.LoadedModel;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.Sha256;
import ai.haski.desktop.model.TensorLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the weights files of a request through their runtimes: which files they are, whether the runtime loads
 * them, and the tensors each declares (the {@link FormatFacts} the Add model dialog shows).
 */
final class ModelProbe {
    /** The largest model file imported: the same limit as for every package (see there why). */
    static final long MAX_WEIGHTS_BYTES = ModelPackage.MAX_WEIGHTS_BYTES;

    private final Backends backends;
    private final ProblemList problems;

    ModelProbe(Backends backends, ProblemList problems) {
        this.backends = backends;
        this.problems = problems;
    }

    /** The format a file's extension names. */
    static Optional<ModelFormat> formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return Optional.of(ModelFormat.ONNX);
        }
        if (name.endsWith(".tflite")) {
            return Optional.of(ModelFormat.TFLITE);
        }
        return Optional.empty();
    }

    /** One file, or an ONNX and a TFLite file, that exist. */
    Map<ModelFormat, Path> files(List<Path> given) throws Refused {
        if (given.isEmpty() || given.size() > 2) {
            throw problems.refuse("files", Code.FILE_COUNT, given.size());
        }
        Map<ModelFormat, Path> byFormat = new EnumMap<>(ModelFormat.class);
        for (Path file : given) {
            Optional<ModelFormat> format = formatOf(file);
            if (format.isEmpty()) {
                problems.add("files", Code.NOT_WEIGHTS_FILE, file);
            } else if (byFormat.containsKey(format.get())) {
                problems.add("files", Code.TWO_OF_ONE_FORMAT, format.get().id(), byFormat.get(format.get()), file);
            } else if (!Files.isRegularFile(file)) {
                problems.add("files", Code.FILE_MISSING, file);
            } else {
                byFormat.put(format.get(), file);
            }
        }
        problems.stopIfAny();
        return byFormat;
    }

    /** Each file loaded by its runtime, in format order; the caller closes their models. */
    List<ProbedFile> load(Map<ModelFormat, Path> byFormat, List<ProbedFile> loaded) throws Refused {
        for (Map.Entry<ModelFormat, Path> entry : byFormat.entrySet()) {
            ModelFormat format = entry.getKey();
            Path file = entry.getValue();
            String field = "weights." + format.id();
            InferenceBackend backend = backends.get(format);
            RuntimeStatus status = backend.status();
            if (!status.isAvailable()) {
                problems.add(field, Code.RUNTIME_UNAVAILABLE, file, status.runtime(),
                        status.unavailableReason().orElse("unknown reason"));
                continue;
            }
            byte[] bytes;
            try {
                long size = Files.size(file);
                if (size > MAX_WEIGHTS_BYTES) {
                    problems.add(field, Code.WEIGHTS_TOO_LARGE, file, size, MAX_WEIGHTS_BYTES);
                    continue;
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException | OutOfMemoryError e) {
                problems.add(field, Code.WEIGHTS_UNREADABLE, file, e.getMessage());
                continue;
            }
            try {
                LoadedModel model = backend.load(bytes, file.getFileName().toString(), 1);
                loaded.add(new ProbedFile(format, file, bytes, Sha256.of(bytes), model, status.describe()));
            } catch (InferenceException | RuntimeException e) {
                problems.add(field, Code.WEIGHTS_UNLOADABLE, file, status.runtime(), e.getMessage());
            }
        }
        problems.stopIfAny();
        return loaded;
    }

    /** What each loaded file declares, before its layout is known. */
    static List<FormatFacts> facts(List<ProbedFile> loaded, Map<ModelFormat, TensorLayout> layouts) {
        List<FormatFacts> facts = new ArrayList<>();
        for (ProbedFile l : loaded) {
            facts.add(new FormatFacts(l.format(), l.file(), l.packageFileName(), l.sha256(), l.runtime(),
                    l.model().inputs(), l.model().outputs(), layouts.get(l.format())));
        }
        return facts;
    }

    /** Flags a tensor whose element type the file's runtime cannot convert to and from float32. */
    void checkType(ProbedFile l, TensorInfo tensor, String field) {
        String dtype = tensor.dtype();
        if (dtype.equals("float32")) {
            return;
        }
        boolean eightBit = dtype.equals("int8") || dtype.equals("uint8");
        boolean input = field.equals("input");
        if (l.format() == ModelFormat.ONNX) {
            problems.add(field, Code.ONNX_NOT_FLOAT, l.file(), input, tensor, eightBit);
        } else if (!eightBit) {
            problems.add(field, Code.TFLITE_TYPE_UNUSABLE, l.file(), input, tensor);
        } else if (!tensor.quantization().isPresent()) {
            problems.add(field, Code.NOT_QUANTISED, l.file(), input, tensor);
        }
    }

    /** Every file has outputs the backend can read. */
    void checkOutputTypes(List<ProbedFile> loaded) throws Refused {
        for (ProbedFile l : loaded) {
            List<TensorInfo> outs = l.model().outputs();
            if (outs.isEmpty()) {
                problems.add("outputs", Code.NO_OUTPUT, l.file());
            }
            for (int i = 0; i < outs.size(); i++) {
                checkType(l, outs.get(i), "outputs[" + i + "].dtype");
            }
        }
        problems.stopIfAny();
    }
}
