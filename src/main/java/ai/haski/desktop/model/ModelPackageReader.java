package ai.haski.desktop.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one package folder and makes the checks that need no runtime: the manifest is valid, every file it
 * names exists inside the folder, and every weights file has the SHA-256 the manifest promises.
 */
public final class ModelPackageReader {
    private ModelPackageReader() {}

    /** Reads and checks the package in {@code folder}. */
    public static ModelPackage read(Path folder, ModelPackage.Source source) throws ModelPackageException {
        Path manifestFile = folder.resolve(ModelPackage.MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelPackageException(manifestFile, null,
                    "is missing: every model package folder needs a model.json (see models/README.md)");
        }
        ModelManifest manifest = ManifestParser.parse(manifestFile);
        for (WeightsSpec weights : manifest.weights().values()) {
            String field = "weights." + weights.format().id();
            Path file = requireFile(folder, manifestFile, weights.file(), field + ".file");
            String actual = hash(file, manifestFile, field);
            if (!actual.equals(weights.sha256())) {
                throw new ModelPackageException(file, field + ".sha256", "SHA-256 is " + actual
                        + " but the manifest expects " + weights.sha256()
                        + "; the file was changed or damaged: restore it, or re-import the model");
            }
        }
        requireFile(folder, manifestFile, manifest.testVector().inputImage(), "test_vector.input_image");
        return new ModelPackage(folder, manifest, source);
    }

    private static Path requireFile(Path folder, Path manifestFile, String name, String field)
            throws ModelPackageException {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder.normalize())) {
            throw new ModelPackageException(manifestFile, field, "points outside the package folder: " + name);
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelPackageException(manifestFile, field, "names " + name
                    + ", which does not exist in " + folder + "; copy the file there or fix the manifest");
        }
        return file;
    }

    private static String hash(Path file, Path manifestFile, String field) throws ModelPackageException {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new ModelPackageException(file, field + ".file", "cannot be read: " + e.getMessage(), e);
        }
    }
}
