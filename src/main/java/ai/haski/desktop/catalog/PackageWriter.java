package ai.haski.desktop.catalog;

import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.ModelLoadException;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelPackageException;
import ai.haski.desktop.model.ModelPackageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a package folder into a models folder so that the registry never sees half of one: the files are staged
 * in a hidden folder beside the target, proven there (read as the registry reads them, every format loaded and
 * its test vector run), and only then moved into place in one rename.
 */
final class PackageWriter {
    private final ModelLoader loader;
    private final Path modelsDir;

    PackageWriter(ModelLoader loader, Path modelsDir) {
        this.loader = loader;
        this.modelsDir = modelsDir;
    }

    /** Fills the staging folder with the package's files. */
    @FunctionalInterface
    interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    /** How the caller names a package that fails its proof. */
    interface Refusals {
        ImportProblem unreadable(Path folder, ModelPackageException e);

        ImportProblem failsCheck(ModelFormat format, ModelLoadException e);
    }

    /** The package as it lies in place, and how far each format's output was from its test vector. */
    record Written(ModelPackage modelPackage, Map<ModelFormat, Double> testVectorDeviations) {}

    /**
     * Stages, proves and moves the package {@code id} into the models folder.
     *
     * @param purpose  names the hidden staging folder ({@code import}, {@code install})
     * @param replace  whether a package already at the target is replaced (it is kept if the move fails)
     * @throws IOException when the disk refuses; the staging folder is gone either way
     */
    Written write(String id, String purpose, Contents contents, boolean replace, Refusals refusals)
            throws ImportException, IOException {
        Path target = modelsDir.resolve(id);
        Files.createDirectories(modelsDir);
        // Hidden while it is written and checked: the registry skips folders starting with '.'.
        Path staged = Files.createTempDirectory(modelsDir, "." + id + "." + purpose + "-");
        try {
            contents.writeInto(staged);
            Map<ModelFormat, Double> deviations = prove(read(staged, refusals), refusals);
            moveIntoPlace(staged, target, id, replace);
            staged = null;
            return new Written(read(target, refusals), deviations);
        } finally {
            if (staged != null) {
                PackageFolders.deleteQuietly(staged);
            }
        }
    }

    private Map<ModelFormat, Double> prove(ModelPackage staged, Refusals refusals) throws ImportException {
        Map<ModelFormat, Double> deviations = new EnumMap<>(ModelFormat.class);
        for (ModelFormat format : staged.manifest().backendPreference()) {
            try (ActiveModel model = loader.load(staged, List.of(format), 1)) {
                deviations.put(format, model.testVectorDeviation());
            } catch (ModelLoadException e) {
                throw new ImportException(refusals.failsCheck(format, e));
            }
        }
        return deviations;
    }

    private static ModelPackage read(Path folder, Refusals refusals) throws ImportException {
        try {
            return ModelPackageReader.read(folder, ModelPackage.Source.USER);
        } catch (ModelPackageException e) {
            throw new ImportException(refusals.unreadable(folder, e));
        }
    }

    private void moveIntoPlace(Path staged, Path target, String id, boolean replace) throws IOException {
        Path old = null;
        if (replace && Files.exists(target)) {
            old = modelsDir.resolve("." + id + ".replaced-" + System.nanoTime());
            PackageFolders.move(target, old);
        }
        try {
            PackageFolders.move(staged, target);
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
}
