package ai.haski.desktop.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} and the main window's {@link WindowBounds} as a small JSON file in the per-user
 * data folder. Each save rewrites only its own fields and keeps the others. Methods are synchronized: the model choice
 * is saved from a worker, the window's bounds from the UI thread.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String FILE_NAME = "settings.json";
    /** Screen layouts remembered at most; a laptop seldom meets more, and the file stays small. */
    static final int MAX_SCREEN_LAYOUTS = 8;
    private static final String WINDOW = "window";
    private static final String BY_SCREENS = "by_screens";
    private static final String LAST = "last_screens";

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
    public synchronized Settings load() {
        return readRoot().map(root -> new Settings(text(root, "model_id"), text(root, "model_format")))
                .orElse(Settings.DEFAULT);
    }

    /** Saves atomically, so a crash mid-write leaves the previous settings intact. */
    public synchronized void save(Settings settings) throws IOException {
        ObjectNode root = readRoot().orElseGet(JSON::createObjectNode);
        root.remove(List.of("model_id", "model_format"));
        settings.modelId().ifPresent(id -> root.put("model_id", id));
        settings.format().ifPresent(format -> root.put("model_format", format));
        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }

    /**
     * The numbers in the object named {@code section} (for example {@code "quality"}), by name, in the file's order;
     * empty when there is no such object. A value that is not a number is handed on as NaN, so that the part that
     * owns the section can name it in its warning.
     */
    public synchronized Map<String, Double> numbers(String section) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        readRoot().map(root -> root.path(section)).filter(JsonNode::isObject).ifPresent(object -> object.fields()
                .forEachRemaining(field -> numbers.put(field.getKey(),
                        field.getValue().isNumber() ? field.getValue().asDouble() : Double.NaN)));
        return numbers;
    }

    /**
     * The window's bounds saved on the screen layout named {@code screens} (any string that tells layouts apart,
     * such as their bounds); empty when none were saved there, or they cannot be read.
     */
    public synchronized Optional<WindowBounds> windowBounds(String screens) {
        return readRoot().flatMap(root -> bounds(root.path(WINDOW).path(BY_SCREENS).path(screens)));
    }

    /** The bounds saved last, on whatever screens: where a window on a new layout starts from. */
    public synchronized Optional<WindowBounds> lastWindowBounds() {
        return readRoot().flatMap(root -> {
            JsonNode window = root.path(WINDOW);
            return bounds(window.path(BY_SCREENS).path(window.path(LAST).asText("")));
        });
    }

    /** Saves the window's bounds for the screen layout {@code screens}; the oldest layouts beyond a few are dropped. */
    public synchronized void saveWindowBounds(String screens, WindowBounds bounds) throws IOException {
        ObjectNode root = readRoot().orElseGet(JSON::createObjectNode);
        ObjectNode window = root.path(WINDOW).isObject() ? (ObjectNode) root.get(WINDOW) : root.putObject(WINDOW);
        ObjectNode layouts = window.path(BY_SCREENS).isObject() ? (ObjectNode) window.get(BY_SCREENS)
                : window.putObject(BY_SCREENS);
        // Removed and put back, so the fields stay in the order of use and the oldest go first.
        layouts.remove(screens);
        layouts.putObject(screens).put("x", bounds.x()).put("y", bounds.y()).put("width", bounds.width())
                .put("height", bounds.height()).put("maximized", bounds.maximized());
        List<String> names = new ArrayList<>();
        layouts.fieldNames().forEachRemaining(names::add);
        names.subList(0, Math.max(0, names.size() - MAX_SCREEN_LAYOUTS)).forEach(layouts::remove);
        window.put(LAST, screens);
        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }

    /** The file's JSON object; empty when there is none, and when it cannot be read (the log says why). */
    private Optional<ObjectNode> readRoot() {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                LOG.warn("Ignoring settings file {}: it is not a JSON object; using defaults", file);
                return Optional.empty();
            }
            return Optional.of((ObjectNode) root);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Ignoring settings file {}: {}; using defaults", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<WindowBounds> bounds(JsonNode saved) {
        if (!saved.isObject() || !saved.path("x").isNumber() || !saved.path("y").isNumber()
                || !saved.path("width").isNumber() || !saved.path("height").isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowBounds(saved.get("x").asDouble(), saved.get("y").asDouble(),
                    saved.get("width").asDouble(), saved.get("height").asDouble(),
                    saved.path("maximized").asBoolean(false)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the window bounds in {}: {}", FILE_NAME, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
