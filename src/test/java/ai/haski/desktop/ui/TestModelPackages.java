package ai.haski.desktop.ui;

import ai.haski.desktop.TestFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Model packages that a user could really end up with, made from the reference package for UI tests. */
public final class TestModelPackages {
    public static final String BROKEN_ID = "broken-reference";
    public static final String BROKEN_NAME = "Reference copy with a wrong test vector";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestModelPackages() {}

    /** A copy of the reference package under another id and name: a valid package a user could drop in. */
    public static Path referenceCopyIn(Path parent, String id) {
        Path folder = TestFiles.copyTree(TestFiles.referencePackage(), parent.resolve(id));
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(folder.resolve("model.json").toFile());
            manifest.put("id", id);
            manifest.put("name", "Reference copy " + id);
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("model.json").toFile(), manifest);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the reference package, under its own id, whose test vector expects one wrong value: it passes the
     * registry's checks (the weights are intact) and fails its self-check when loaded, in every format.
     */
    public static Path brokenReferenceIn(Path modelsRoot) {
        Path folder = TestFiles.copyTree(TestFiles.referencePackage(), modelsRoot.resolve(BROKEN_ID));
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(folder.resolve("model.json").toFile());
            manifest.put("id", BROKEN_ID);
            manifest.put("name", BROKEN_NAME);
            ArrayNode logits = (ArrayNode) manifest.get("test_vector").get("expected").get("logits");
            logits.set(0, logits.get(0).asDouble() + 1.0);
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("model.json").toFile(), manifest);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
