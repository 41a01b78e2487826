package ai.haski.desktop.session;

import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.platform.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewer's name, kept per user (not per session): the same person reviews many folders, so the app asks once.
 * Every verdict, flag and note also stores the name it was given under, so a session shared between people still
 * says who said what.
 */
public final class ReviewerSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewerSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private ReviewerSettings(Path file) {
        this.file = file;
    }

    /** The settings of the user running the app: {@code reviewer.json} in the per-user data folder. */
    public static ReviewerSettings forUser(AppPaths paths) {
        return new ReviewerSettings(paths.dataDir().resolve("reviewer.json"));
    }

    static ReviewerSettings at(Path file) {
        return new ReviewerSettings(file);
    }

    /** The saved name; empty when none was saved yet, or the file is unreadable (then the app simply asks again). */
    public Optional<String> name() {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            String name = json == null ? "" : json.path("name").asText("").strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Reviewer settings {} cannot be read ({}); the name will be asked again", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Saves the name (trimmed; 1 to 200 characters).
     *
     * @throws SessionException naming the file when it cannot be written
     */
    public void setName(String name) throws SessionException {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > Reviews.MAX_NAME) {
            throw new IllegalArgumentException("a reviewer name must have 1 to " + Reviews.MAX_NAME + " characters");
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("name", trimmed);
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        } catch (IOException e) {
            throw new SessionException("Cannot save the reviewer name in " + file + " (" + e.getMessage() + "). "
                    + "Check that you may write to that folder and that the disk has space.", e);
        }
    }
}
