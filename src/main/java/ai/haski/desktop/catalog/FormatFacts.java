package ai.haski.desktop.catalog;

import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.TensorLayout;
import java.nio.file.Path;
import java.util.List;

/**
 * One weights file as its runtime sees it: where it came from, the name it gets in the package, its SHA-256, the
 * runtime, its tensors (dtype and quantisation included) and the layout read from its input (null until known).
 */
public record FormatFacts(ModelFormat format, Path source, String fileName, String sha256, String runtime,
        List<TensorInfo> inputs, List<TensorInfo> outputs, TensorLayout layout) {}
