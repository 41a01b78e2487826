package ai.haski.desktop.inference;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Copies of the reference model package spoiled in one way each, for the loader tests and the packaged-jar tests.
 * Damaged weights come with a manifest whose SHA-256 matches them, so that only the runtime itself can object.
 */
public final class HostileModelPackages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a weights file is damaged. */
    public enum Damage {
        /** The first half of the real file: a download or copy cut short. */
        TRUNCATED_HALF("truncated"),
        /** Only the first 64 bytes: the container's header and nothing else. */
        TRUNCATED_HEADER("header-only"),
        /** Seeded random bytes of a plausible size. */
        RANDOM("random"),
        /** Zero bytes. */
        EMPTY("empty");

        private final String slug;

        Damage(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        byte[] apply(byte[] weights) {
            return switch (this) {
                case TRUNCATED_HALF -> Arrays.copyOf(weights, weights.length / 2);
                case TRUNCATED_HEADER -> Arrays.copyOf(weights, 64);
                case RANDOM -> {
                    byte[] noise = new byte[64 * 1024];
                    new Random(weights.length).nextBytes(noise);
                    yield noise;
                }
                case EMPTY -> new byte[0];
            };
        }
    }

    private HostileModelPackages() {}

    /** The package id a damaged package gets, e.g. {@code random-tflite}. */
    public static String id(ModelFormat format, Damage damage) {
        return damage.slug() + "-" + format.id();
    }

    /**
     * A package folder {@code parent/<id>} holding only {@code format}'s weights, damaged, with a manifest that lists
     * only that format and whose SHA-256 matches the damaged bytes.
     */
    public static Path withDamagedWeights(Path parent, ModelFormat format, Damage damage) {
        String id = id(format, damage);
        Path folder = copyReference(parent.resolve(id), format);
        String fileName = format == ModelFormat.ONNX ? "model.onnx" : "model.tflite";
        try {
            byte[] damaged = damage.apply(Files.readAllBytes(folder.resolve(fileName)));
            Files.write(folder.resolve(fileName), damaged);
            editManifest(folder, manifest -> {
                manifest.put("id", id);
                ObjectNode weights = (ObjectNode) manifest.get("weights");
                weights.retain(format.id());
                ((ObjectNode) weights.get(format.id())).put("sha256", Sha256.of(damaged));
                manifest.putArray("backend_preference").add(format.id());
            });
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full copy of the reference package in {@code parent/<id>} under a new id, its manifest changed. */
    public static Path withManifest(Path parent, String id, Consumer<ObjectNode> change) {
        Path folder = copyReference(parent.resolve(id), null);
        editManifest(folder, manifest -> {
            manifest.put("id", id);
            change.accept(manifest);
        });
        return folder;
    }

    /** Copies the manifest, the test image and the weights of {@code only} (or of both formats when null). */
    private static Path copyReference(Path folder, ModelFormat only) {
        Path source = TestFiles.referencePackage();
        try {
            Files.createDirectories(folder);
            for (String name : List.of("model.json", "test-input.png", "model.onnx", "model.tflite")) {
                boolean otherFormat = only != null && (name.equals("model.onnx") && only != ModelFormat.ONNX
                        || name.equals("model.tflite") && only != ModelFormat.TFLITE);
                if (!otherFormat) {
                    Files.copy(source.resolve(name), folder.resolve(name));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void editManifest(Path folder, Consumer<ObjectNode> change) {
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(folder.resolve("model.json").toFile());
            change.accept(manifest);
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("model.json").toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
