package ai.haski.desktop.catalog;

import ai.haski.desktop.inference.Backends;
import ai.haski.desktop.model.ModelRegistry;
import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The model packages as the faces manage them: importers and the installer, each proving a package with the
 * engine's own runtimes before it is installed. Faces get it from the engine, so they never hold a runtime.
 */
public final class ModelCatalog {
    private final Backends backends;
    private final AppPaths paths;
    private final Supplier<ModelRegistry> registry;

    /** @param registry the packages installed now, read at each import so that an id in use is refused */
    public ModelCatalog(Backends backends, AppPaths paths, Supplier<ModelRegistry> registry) {
        this.backends = backends;
        this.paths = paths;
        this.registry = registry;
    }

    /** The per-user models folder, where imports and copied packages go. */
    public Path userModelsDir() {
        return paths.userModelsDir();
    }

    /** An importer writing into {@code modelsDir}, over the registry as it is now. */
    public ModelImporter importer(Path modelsDir) {
        return new ModelImporter(backends, modelsDir, defaultSample(), Optional.of(registry.get()));
    }

    /** The installer and remover of packages in the per-user models folder. */
    public PackageInstaller installer() {
        return new PackageInstaller(backends, paths.userModelsDir());
    }

    /**
     * The bundled reference model's test photo: the sample an import makes its test vector from when the user names
     * none, so that every imported package can be proven the same way.
     */
    private Optional<Path> defaultSample() {
        return paths.bundledModelsDir().map(dir -> dir.resolve("haski-reference").resolve("test-input.png"))
                .filter(Files::isRegularFile);
    }
}
