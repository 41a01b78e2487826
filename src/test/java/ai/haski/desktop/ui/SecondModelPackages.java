package ai.haski.desktop.ui;

import ai.haski.desktop.tools.ReferenceModelGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A second real model for comparing two models in a session: the reference architecture generated from another
 * seed, under its own id, so that its top labels differ from the bundled model's on some photos.
 */
public final class SecondModelPackages {
    public static final String ID = "haski-reference-seed7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SecondModelPackages() {}

    /** Writes the package into {@code modelsRoot} (a folder of packages) and returns its folder. */
    public static Path otherSeedIn(Path modelsRoot) {
        try {
            Path folder = ReferenceModelGenerator.generateWithSeed(modelsRoot.resolve(ID), 7L);
            ObjectNode manifest = (ObjectNode) JSON.readTree(folder.resolve("model.json").toFile());
            manifest.put("id", ID);
            manifest.put("name", "Haski reference network, seed 7 (untrained)");
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("model.json").toFile(), manifest);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
