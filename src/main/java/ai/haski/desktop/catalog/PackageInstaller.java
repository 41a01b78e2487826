package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
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
import java.util.stream.Stream;

/**
 * Adds a ready-made model package folder to the per-user models folder, and removes one from it. A package is
 * copied in only after it passed the registry's checks and its own self-check (SHA-256, shapes, test vector) as the
 * copy, and appears in one rename; a removal also disappears in one rename, so the registry never sees half a package.
 */
public final class PackageInstaller {
    private final PackageWriter writer;
    private final Path modelsDir;

    /** @param modelsDir the per-user models folder ({@code AppPaths.userModelsDir()}) */
    public PackageInstaller(Backends backends, Path modelsDir) {
        this.writer = new PackageWriter(new ModelLoader(backends), modelsDir);
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
            throw refused("manifest", Code.NOT_A_PACKAGE, folder, e.getMessage());
        }
        String id = source.id();
        Path target = modelsDir.resolve(id);
        if (same(folder, target)) {
            throw refused("id", Code.ALREADY_INSTALLED, folder);
        }
        if (known.find(id).isPresent()) {
            throw refused("id", Code.ID_IN_USE, id, known.find(id).get().folder(), source.manifestFile());
        }
        if (Files.exists(target)) {
            throw refused("id", Code.FOLDER_EXISTS, target, source.manifestFile());
        }
        try {
            return writer.write(id, "install", staged -> copyTree(folder, staged), false, new PackageWriter.Refusals() {
                @Override
                public ImportProblem unreadable(Path copy, ModelPackageException e) {
                    return ImportProblem.of("manifest", Code.COPY_REFUSED, copy, e.getMessage());
                }

                @Override
                public ImportProblem failsCheck(ModelFormat format, ModelLoadException e) {
                    return ImportProblem.of("test_vector", Code.SELF_CHECK_FAILS, folder, format.id(), e.getMessage());
                }
            }).modelPackage();
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException("cannot copy " + folder + " into " + modelsDir + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@link #remove} would remove the package: one the user added to this models folder. */
    public boolean isRemovable(ModelPackage pkg) {
        return pkg.source() == ModelPackage.Source.USER && same(pkg.folder().getParent(), modelsDir);
    }

    /**
     * Removes a package the user added. Bundled packages, and packages in other folders (e.g. {@code --models-dir}),
     * are refused: they are not this app's to delete.
     */
    public void remove(ModelPackage pkg) throws ImportException {
        if (!isRemovable(pkg)) {
            throw refused("id", Code.NOT_REMOVABLE, pkg.id(), pkg.folder(), modelsDir);
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

    private static ImportException refused(String field, Code code, Object... arguments) {
        return new ImportException(ImportProblem.of(field, code, arguments));
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
