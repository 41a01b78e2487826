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
        requireInside(folder, manifestFile, manifestFile, null);
        ModelManifest manifest = ManifestParser.parse(manifestFile);
        for (WeightsSpec weights : manifest.weights().values()) {
            String field = "weights." + weights.format().id();
            Path file = requireFile(folder, manifestFile, weights.file(), field + ".file");
            requireSize(file, field);
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
        requireInside(folder, manifestFile, file, field);
        return file;
    }

    /**
     * Refuses a file that is a symbolic link (or lies below one) leading out of the package: the manifest's SHA-256
     * would then vouch for whatever the link reaches ({@code /etc/hostname}, another user's file), and a package is
     * copied and removed as a folder. A link to another file inside the package is allowed.
     */
    private static void requireInside(Path folder, Path manifestFile, Path file, String field)
            throws ModelPackageException {
        Path real;
        Path realFolder;
        try {
            real = file.toRealPath();
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            throw new ModelPackageException(file, field, "cannot be read: " + e.getMessage(), e);
        }
        if (!real.startsWith(realFolder)) {
            String name = folder.relativize(file.normalize()).toString();
            throw new ModelPackageException(field == null ? file : manifestFile, field, name + " is a symbolic link "
                    + "to " + real + ", outside the package folder; a package must hold its files itself: copy "
                    + "the file into " + folder + " in place of the link");
        }
    }

    /** Checks the size before anything is read, so that a huge (or sparse) file costs nothing to refuse. */
    private static void requireSize(Path file, String field) throws ModelPackageException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ModelPackageException(file, field + ".file", "cannot be read: " + e.getMessage(), e);
        }
        if (size > ModelPackage.MAX_WEIGHTS_BYTES) {
            throw new ModelPackageException(file, field + ".file", "is " + size + " bytes, more than the "
                    + ModelPackage.MAX_WEIGHTS_BYTES + " bytes a model file may have (the whole model is kept in "
                    + "memory); use a smaller model, or remove the package");
        }
    }

    private static String hash(Path file, Path manifestFile, String field) throws ModelPackageException {
        try {
            return WeightsHashes.of(file);
        } catch (IOException e) {
            throw new ModelPackageException(file, field + ".file", "cannot be read: " + e.getMessage(), e);
        }
    }
}
