package ai.haski.desktop.model;

import java.nio.file.Path;
import java.util.Optional;

/** A model package that passed its static checks: a folder, its manifest, and where it came from. */
public record ModelPackage(Path folder, ModelManifest manifest, Source source) {

    /** The file name of every package's manifest. */
    public static final String MANIFEST_FILE = "model.json";
    /**
     * The largest weights file a package may hold: the runtime keeps the whole model in memory for as long as it is
     * active, in an app whose heap is 512 MB (packaging/jpackage/app-image.options); a skin or hair classifier needs
     * a few MB. Checked before a file is hashed or read, at import and whenever packages are scanned.
     */
    public static final long MAX_WEIGHTS_BYTES = 250_000_000L;

    /** Whether the package ships with the application or was added by the user. */
    public enum Source {
        BUNDLED, USER
    }

    public String id() {
        return manifest.id();
    }

    public Path manifestFile() {
        return folder.resolve(MANIFEST_FILE);
    }

    /** The weights file for a format, when the package carries that format. */
    public Optional<Path> weightsFile(ModelFormat format) {
        return Optional.ofNullable(manifest.weights().get(format)).map(w -> folder.resolve(w.file()));
    }

    public Path testInputFile() {
        return folder.resolve(manifest.testVector().inputImage());
    }
}
