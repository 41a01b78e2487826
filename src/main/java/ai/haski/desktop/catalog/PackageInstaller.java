package ai.haski.desktop.catalog;

import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.inference.ModelLoadException;
import ai.haski.desktop.inference.ModelLoader;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelPackageException;
import ai.haski.desktop.model.ModelPackageReader;
import ai.haski.desktop.model.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adds a ready-made model package folder to the per-user models folder, and removes one from it. A package is
 * copied in only after it passed the registry's checks and its own self-check (SHA-256, shapes, test vector) as the
 * copy, and appears in one rename; a removal also disappears in one rename, so the registry never sees half a package.
 */
public final class PackageInstaller {
    private final ModelLoader loader;
    private final Path modelsDir;

    /** @param modelsDir the per-user models folder ({@code AppPaths.userModelsDir()}) */
    public PackageInstaller(Backends backends, Path modelsDir) {
        this.loader = new ModelLoader(backends);
        this.modelsDir = modelsDir;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /**
     * Copies the package in {@code folder} into the models folder under its id.
     *
     * @param known the packages already known, so that an id in use is refused
     * @throws ImportException saying why the package was refused, naming the folder and what to do
     */
    public ModelPackage install(Path folder, ModelRegistry known) throws ImportException {
        ModelPackage source;
        try {
            source = ModelPackageReader.read(folder, ModelPackage.Source.USER);
        } catch (ModelPackageException e) {
            throw refused("manifest", folder + " is not a usable model package: " + e.getMessage());
        }
        String id = source.id();
        Path target = modelsDir.resolve(id);
        if (same(folder, target)) {
            throw refused("id", folder + " is already in your models folder");
        }
        if (known.find(id).isPresent()) {
            throw refused("id", "the model id \"" + id + "\" is already used by " + known.find(id).get().folder()
                    + "; change \"id\" in " + source.manifestFile() + " or remove the other package first");
        }
        if (Files.exists(target)) {
            throw refused("id", "a folder " + target + " already exists; remove it or change \"id\" in "
                    + source.manifestFile());
        }
        Path temp = null;
        try {
            Files.createDirectories(modelsDir);
            // Hidden while it is copied and checked: the registry skips folders starting with '.'.
            temp = Files.createTempDirectory(modelsDir, "." + id + ".install-");
            copyTree(folder, temp);
            ModelPackage copy = read(temp);
            for (ModelFormat format : copy.manifest().backendPreference()) {
                try (ActiveModel model = loader.load(copy, List.of(format), 1)) {
                    model.testVectorDeviation();
                } catch (ModelLoadException e) {
                    throw refused("test_vector", folder + " fails its self-check on " + format.id() + ": "
                            + e.getMessage());
                }
            }
            PackageFolders.move(temp, target);
            temp = null;
            return read(target);
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException("cannot copy " + folder + " into " + modelsDir + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                PackageFolders.deleteQuietly(temp);
            }
        }
    }

    /**
     * Removes a package the user added. Bundled packages, and packages in other folders (e.g. {@code --models-dir}),
     * are refused: they are not this app's to delete.
     */
    public void remove(ModelPackage pkg) throws ImportException {
        if (pkg.source() != ModelPackage.Source.USER || !same(pkg.folder().getParent(), modelsDir)) {
            throw refused("id", "\"" + pkg.id() + "\" in " + pkg.folder() + " is not in your models folder "
                    + modelsDir + ", so it is not removed here");
        }
        Path hidden = modelsDir.resolve("." + pkg.id() + ".removed-" + System.nanoTime());
        try {
            PackageFolders.move(pkg.folder(), hidden);
        } catch (IOException e) {
            throw new ImportException("cannot remove " + pkg.folder() + ": " + e.getMessage()
                    + "; close any program using it and try again", e);
        }
        PackageFolders.deleteQuietly(hidden);
    }

    private static ModelPackage read(Path folder) throws ImportException {
        try {
            return ModelPackageReader.read(folder, ModelPackage.Source.USER);
        } catch (ModelPackageException e) {
            throw refused("manifest", "the copy in " + folder + " is refused: " + e.getMessage());
        }
    }

    private static ImportException refused(String field, String message) {
        return new ImportException(List.of(new ImportProblem(field, message)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = from.relativize(source);
                if (relative.toString().isEmpty()) {
                    continue;
                }
                // A package is plain files; a link could point anywhere, and is not followed.
                if (Files.isSymbolicLink(source)) {
                    throw new IOException(source + " is a link; a model package holds plain files only");
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }



    private static boolean same(Path a, Path b) {
        if (a == null || b == null) {
            return false;
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
