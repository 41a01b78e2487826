package ai.haski.desktop.inference;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelPackageException;
import ai.haski.desktop.model.ModelPackageReader;
import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Path;

/** One set of real runtimes for all tests in a JVM: native libraries load once per process anyway. */
public final class SharedEngine {
    private static final Backends BACKENDS = Backends.standard(AppPaths.current().cacheDir());
    private static final ModelLoader LOADER = new ModelLoader(BACKENDS);

    private SharedEngine() {}

    public static ModelLoader loader() {
        return LOADER;
    }

    /** The bundled reference package, read and checked as the registry would. */
    public static ModelPackage reference() {
        return read(TestFiles.referencePackage());
    }

    public static ModelPackage read(Path folder) {
        try {
            return ModelPackageReader.read(folder, ModelPackage.Source.USER);
        } catch (ModelPackageException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
