package ai.haski.desktop.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model package the application knows: the bundled ones and those in the per-user models folder.
 * Each sub-folder of a root is one package; one that fails its checks is kept as refused, with the reason.
 */
public final class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final List<Root> roots;
    private final List<ModelPackage> packages;
    private final List<ModelPackage> faceDetectors;
    private final List<RefusedPackage> refused;

    private ModelRegistry(List<Root> roots, List<ModelPackage> all, List<RefusedPackage> refused) {
        this.roots = List.copyOf(roots);
        // Detectors are kept apart: a face detector is never offered where a classifier is chosen.
        this.packages = all.stream().filter(p -> p.manifest().task() == ModelTask.CLASSIFICATION).toList();
        this.faceDetectors = all.stream().filter(p -> p.manifest().task() == ModelTask.FACE_DETECTION).toList();
        this.refused = List.copyOf(refused);
    }

    /** A models folder to scan and the source its packages count as. */
    public record Root(Path folder, ModelPackage.Source source) {}

    /** Scans the roots in order; a later package with an id already seen is refused. */
    public static ModelRegistry scan(List<Root> roots) {
        Map<String, ModelPackage> byId = new LinkedHashMap<>();
        List<RefusedPackage> refused = new ArrayList<>();
        for (Root root : roots) {
            for (Path folder : packageFolders(root.folder(), refused)) {
                try {
                    ModelPackage pkg = ModelPackageReader.read(folder, root.source());
                    ModelPackage earlier = byId.get(pkg.id());
                    if (earlier != null) {
                        refused.add(new RefusedPackage(folder, "model id \"" + pkg.id() + "\" is already used by "
                                + earlier.folder() + "; give one of them another id"));
                    } else {
                        byId.put(pkg.id(), pkg);
                    }
                } catch (ModelPackageException e) {
                    LOG.warn("Model package refused: {}", e.getMessage());
                    refused.add(new RefusedPackage(folder, e.getMessage()));
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    // One package must never stop the others loading. These failures are sized by the package's
                    // own files (an allocation for a huge file, a parse gone deep), so the JVM is sound after them.
                    LOG.warn("Model package {} refused: unexpected error", folder.getFileName(), e);
                    refused.add(new RefusedPackage(folder, "cannot be read: unexpected error ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "); remove the package or replace its files"));
                }
            }
        }
        return new ModelRegistry(roots, new ArrayList<>(byId.values()), refused);
    }

    private static List<Path> packageFolders(Path root, List<RefusedPackage> refused) {
        List<Path> folders = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return folders;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                // Hidden folders and tool folders (models/tools) hold no package.
                if (!name.startsWith(".") && Files.exists(entry.resolve(ModelPackage.MANIFEST_FILE))) {
                    folders.add(entry);
                }
            }
        } catch (IOException e) {
            refused.add(new RefusedPackage(root, "cannot list the models folder: " + e.getMessage()));
        }
        folders.sort(Comparator.comparing(Path::toString));
        return folders;
    }

    /**
     * Reads the same roots again: a package imported, copied in or removed since this registry was made is seen.
     * The registry itself never changes, so whoever holds it keeps a consistent view until they take the new one.
     */
    public ModelRegistry rescan() {
        return scan(roots);
    }

    /** The folders scanned, in order. */
    public List<Root> roots() {
        return roots;
    }

    /** The classifier packages that passed their checks, bundled first. */
    public List<ModelPackage> packages() {
        return packages;
    }

    /** The face detector packages ({@code "task": "face_detection"}) that passed their checks, bundled first. */
    public List<ModelPackage> faceDetectors() {
        return faceDetectors;
    }

    /** The folders that hold a manifest but failed their checks. */
    public List<RefusedPackage> refused() {
        return refused;
    }

    /** The package with this id, if it passed its checks. */
    public Optional<ModelPackage> find(String id) {
        return packages.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
