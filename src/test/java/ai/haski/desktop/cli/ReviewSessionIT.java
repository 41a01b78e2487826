package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code review} and {@code export} from the packaged jar, including a run killed with SIGKILL and resumed. */
class ReviewSessionIT {
    @TempDir
    static Path work;
    private static Path photos;
    private static int imageCount;

    /** Every public photo, in two sub-folders. */
    @BeforeAll
    static void makeFolder() throws IOException {
        photos = work.resolve("photos");
        for (String copy : List.of("a", "b")) {
            Files.createDirectories(photos.resolve(copy));
            try (var files = Files.list(TestFiles.photos())) {
                for (Path source : files.sorted().toList()) {
                    String name = source.getFileName().toString();
                    boolean inThisCopy = name.startsWith("phone_") == copy.equals("b");
                    if (inThisCopy && !name.startsWith(".") && !name.endsWith(".tsv")) {
                        Files.copy(source, photos.resolve(copy).resolve(name));
                        imageCount++;
                    }
                }
            }
        }
    }

    private static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dhaski.data.dir=" + work.resolve("user-data"), "-jar", System.getProperty("haski.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** The packaged jar with {@code args}, as a user's shell runs it; two minutes at most. */
    private static JarProcess.Result run(String... args) throws Exception {
        return JarProcess.runJar(work, List.of(), Duration.ofSeconds(120), args);
    }

    @Test
    void aReviewKilledWithSigkillResumesWithoutLosingOrDuplicatingAnyResult() throws Exception {
        Path session = work.resolve("killed.haski-session");
        Path err = work.resolve("killed-err.txt");
        Process first = command("review", photos.toString(), "--session", session.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        int atKill;
        try {
            atKill = waitForResults(session, first, 3);
        } finally {
            first.destroyForcibly();
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(atKill).as("killed half-way; if the run finished first, give it more photos")
                .isLessThan(imageCount);
        Map<String, String> before = savedAt(session);
        assertThat(before.size()).isGreaterThanOrEqualTo(atKill);

        JarProcess.Result second = run("review", photos.toString(), "--session", session.toString(), "--threads",
                "2");

        assertThat(second.exit()).as(second.err()).isEqualTo(3);
        assertThat(second.err()).contains(", " + before.size() + " photos already analysed by this model are "
                + "skipped");
        Map<String, String> after = savedAt(session);
        assertThat(after).hasSize(imageCount).containsAllEntriesOf(before);
        assertThat(count(session, "SELECT count(*) FROM analysis")).isEqualTo(imageCount);
        assertThat(count(session, "SELECT count(*) FROM (SELECT photo_id FROM analysis GROUP BY photo_id, "
                + "model_sha256, format HAVING count(*) > 1)")).isZero();
        assertThat(second.err()).contains("Session now holds " + imageCount + " results");

        Path csv = work.resolve("killed.csv");
        JarProcess.Result export = run("export", "--session", session.toString(), "--format", "csv", "--out",
                csv.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(1 + imageCount);
    }

    @Test
    void reviewThenExportTheFoldersDefaultSession() throws Exception {
        Path folder = work.resolve("small");
        Files.createDirectories(folder);
        Files.copy(TestFiles.photo("skimage_coins.png"), folder.resolve("coins.png"));
        Files.copy(TestFiles.photo("phone_debian_logo.jpg"), folder.resolve("logo.jpg"));

        JarProcess.Result review = run("review", folder.toString());
        assertThat(review.exit()).as(review.err()).isZero();
        assertThat(review.err()).contains("Folder scanned: 2 photos");

        Path json = work.resolve("small.json");
        JarProcess.Result export = run("export", folder.toString(), "--out", json.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode exported = new ObjectMapper().readTree(json.toFile());
        assertThat(exported.get("photos")).hasSize(2);
        JsonNode result = exported.get("photos").get(0).get("results").get(0);
        for (String key : List.of("skin_type", "hair_type", "conditions_detected", "confidence_scores",
                "model_version", "model_type", "model_sha256", "backend", "app_version", "analysed_at")) {
            assertThat(result.has(key)).as(key).isTrue();
        }

    }

    @Test
    void mistakesGiveUsageErrorsThatSayWhatToDo() throws Exception {
        JarProcess.Result missingFolder = run("review", work.resolve("nowhere").toString());
        assertThat(missingFolder.exit()).isEqualTo(2);
        assertThat(missingFolder.err()).contains("does not exist");

        Path empty = Files.createDirectories(work.resolve("never-reviewed"));
        JarProcess.Result noSession = run("export", empty.toString(), "--out", work.resolve("x.csv").toString());
        assertThat(noSession.exit()).isEqualTo(2);
        assertThat(noSession.err()).contains("has no review session yet").contains("review");
        assertThat(work.resolve("x.csv")).doesNotExist();

        JarProcess.Result badName = run("review", empty.toString(), "--session", work.resolve("results.csv").toString());
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains(".haski-session");

        JarProcess.Result noImages = run("review", empty.toString());
        assertThat(noImages.exit()).isEqualTo(2);
        assertThat(noImages.err()).contains("no image files");
    }

    /** Polls the session file until the running review has committed {@code wanted} results; returns how many. */
    private static int waitForResults(Path session, Process process, int wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("review still running").isTrue();
            if (Files.exists(session)) {
                try {
                    int results = count(session, "SELECT count(*) FROM analysis");
                    if (results >= wanted) {
                        return results;
                    }
                } catch (java.sql.SQLException notYet) {
                    // The schema is being created; look again.
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no results committed within 90 s");
    }

    private static int count(Path session, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + session + "?busy_timeout=5000");
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Each result's photo path and the time it was saved. */
    private static Map<String, String> savedAt(Path session) throws Exception {
        Map<String, String> saved = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + session + "?busy_timeout=5000");
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT p.rel_path, a.created_at FROM analysis a "
                        + "JOIN photo p ON p.id = a.photo_id")) {
            while (rows.next()) {
                saved.put(rows.getString(1), rows.getString(2));
            }
        }
        return saved;
    }
}
