package ai.haski.desktop.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link Settings} as a small JSON file in the per-user data folder. */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String FILE_NAME = "settings.json";

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store of the running user: {@code settings.json} in {@link AppPaths#dataDir()}. */
    public static SettingsStore forUser(AppPaths paths) {
        return new SettingsStore(paths.dataDir().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * The saved settings; the defaults when there are none yet, and also when the file cannot be read or parsed,
     * because a damaged settings file must never keep the app from starting (the log says what was wrong).
     */
    public Settings load() {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                LOG.warn("Ignoring settings file {}: it is not a JSON object; using defaults", file);
                return Settings.DEFAULT;
            }
            return new Settings(text(root, "model_id"), text(root, "model_format"));
        } catch (NoSuchFileException e) {
            return Settings.DEFAULT;
        } catch (IOException e) {
            LOG.warn("Ignoring settings file {}: {}; using defaults", file, e.getMessage());
            return Settings.DEFAULT;
        }
    }

    /** Saves atomically, so a crash mid-write leaves the previous settings intact. */
    public void save(Settings settings) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        settings.modelId().ifPresent(id -> root.put("model_id", id));
        settings.format().ifPresent(format -> root.put("model_format", format));
        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
