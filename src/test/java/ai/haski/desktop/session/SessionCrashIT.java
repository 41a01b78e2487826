package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.RequiredTool;
import ai.haski.desktop.TestFiles;
import ai.haski.desktop.model.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random moments of a batch, of reviewing (two processes at once) and of exporting, many times over: after
 * each kill the session passes {@code PRAGMA integrity_check}, every write the killed process had finished is there
 * exactly once, and an export's target is the whole earlier export or nothing.
 *
 * <p>Kill moments are defined by progress, not by the clock, so that the test does the same on a fast machine and a
 * busy one: each child prints a line after every write it finished, and the parent kills it once it has seen k of
 * them (k from a seeded random source), plus a random fraction of one write's time so that kills land inside writes
 * too. Every round checks that the kill hit a running child (killed by the signal, not finished). The seed is in
 * every failure message, so a failure can be replayed with {@code -Dhaski.crash.seed}.
 */
@EnabledOnOs(OS.LINUX)
class SessionCrashIT {
    private static final long SEED = Long.getLong("haski.crash.seed", System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static Path photos;
    private static int photoCount;
    private final Random random = new Random(SEED);

    /** The public photos, three times over, so a batch runs long enough to be killed part-way. */
    @BeforeAll
    static void makeFolder() throws IOException {
        photos = work.resolve("photos");
        for (String copy : List.of("a", "b", "c")) {
            Path folder = Files.createDirectories(photos.resolve(copy));
            try (var files = Files.list(TestFiles.photos())) {
                for (Path source : files.sorted().toList()) {
                    String name = source.getFileName().toString();
                    if (!name.startsWith(".") && !name.endsWith(".tsv")) {
                        Files.copy(source, folder.resolve(name));
                        photoCount++;
                    }
                }
            }
        }
    }

    @Test
    void aBatchKilledAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
        Path session = work.resolve("batch.haski-session");
        Map<Long, String> committed = new HashMap<>();
        for (int round = 0; round < 6; round++) {
            // One thread and at most a third of the photos left before the kill: the batch cannot finish first.
            int left = photoCount - committed.size();
            int k = 1 + random.nextInt(Math.max(1, left / 3));
            Worker batch = Worker.start(workerCommand("batch", session.toString(), photos.toString()),
                    work.resolve("batch-" + round + ".out"));
            long acknowledged = batch.killAfter("result", k, random);
            assertThat(acknowledged).as("round %d killed the batch before it finished; %s", round, seed())
                    .isLessThan(left);

            assertHealthy(session);
            Map<Long, String> now = results(session);
            assertThat(now).as(seed()).containsAllEntriesOf(committed);
            // Every result the batch acknowledged is saved; at most the one in flight at the kill is there too.
            assertThat(now.size() - committed.size()).as("results saved in round %d; %s", round, seed())
                    .isBetween((int) acknowledged, (int) acknowledged + 1);
            committed = now;
        }
        Process last = start(jarCommand("review", photos.toString(), "--session", session.toString()),
                work.resolve("batch-last.log"));
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(work.resolve("batch-last.log"))).isIn(0, 3);

        assertHealthy(session);
        assertThat(results(session)).as(seed()).hasSize(photoCount).containsAllEntriesOf(committed);
        assertThat(count(session, "SELECT count(*) FROM (SELECT 1 FROM analysis GROUP BY photo_id, model_sha256, "
                + "format HAVING count(*) > 1)")).isZero();
    }

    @Test
    void twoReviewersKilledAtRandomMomentsKeepEveryVerdictAndNoteExactlyOnce() throws Exception {
        Path session = analysedSession("verdicts");
        for (int round = 0; round < 8; round++) {
            // Two processes write to the one session at once, as two app windows would; they write without end, so
            // each is running when it is killed.
            List<String> tags = List.of("r" + round + "a", "r" + round + "b");
            List<Worker> workers = new ArrayList<>();
            for (String tag : tags) {
                workers.add(Worker.start(workerCommand("verdicts", session.toString(), tag),
                        work.resolve(tag + ".out")));
            }
            // The first is killed after its k-th note, while the second still writes; then the second likewise.
            for (Worker worker : workers) {
                worker.killAfter("note", 1 + random.nextInt(60), random);
            }
            assertHealthy(session);
            for (int i = 0; i < tags.size(); i++) {
                Map<String, Long> last = workers.get(i).last();
                assertExactlyOnce(session, "SELECT count(*) FROM verdict WHERE reviewer = ?", tags.get(i),
                        last.getOrDefault("verdict", -1L));
                assertExactlyOnce(session, "SELECT count(*) FROM note WHERE text = ?", tags.get(i),
                        last.getOrDefault("note", -1L));
            }
        }
    }

    @Test
    void anExportKilledAtRandomMomentsLeavesTheWholeEarlierExportOrNothing() throws Exception {
        Path session = analysedSession("export");
        for (String format : List.of("json", "csv")) {
            Path target = work.resolve("killed-export." + format);
            for (int round = 0; round < 6; round++) {
                Worker worker = Worker.start(workerCommand("export", session.toString(), format, target.toString()),
                        work.resolve("export-" + format + "-" + round + ".out"));
                worker.killAfter("exported", 1 + random.nextInt(3), random);
                assertCompleteExport(target, format);
            }
        }
    }

    @Test
    void aDiskThatFillsDuringAnExportLeavesThePreviousExportIntactAndSaysSo() throws Exception {
        RequiredTool.UNSHARE_MOUNT.assume();
        Path session = analysedSession("full-disk");
        Path previous = work.resolve("previous.json");
        try (Session open = Session.openFile(session)) {
            SessionExport.write(open, SessionExport.Format.JSON, previous);
        }
        long size = Files.size(previous);
        assertThat(size).as("the export is larger than the space left for it").isGreaterThan(64 * 1024);
        Path disk = Files.createDirectories(work.resolve("small-disk"));
        // A tmpfs just big enough for the earlier export and 32 KB more, mounted in a private namespace.
        long tmpfsSize = (size / 4096 + 1) * 4096 + 32 * 1024;
        String java = javaCommandLine(jarCommand("export", "--session", session.toString(), "--format", "json",
                "--out", disk.resolve("results.json").toString()));
        String script = "set -u; mount -t tmpfs -o size=" + tmpfsSize + " tmpfs '" + disk + "' || exit 90; "
                + "cp '" + previous + "' '" + disk + "/results.json' || exit 91; "
                + java + "; echo \"exit=$?\"; sha256sum '" + disk + "/results.json'; ls -A '" + disk + "'";
        String output = inPrivateMountNamespace(script, "full-disk.log", 120);

        assertThat(output).contains("exit=1").contains("No space left on device").contains("unchanged")
                .contains(Sha256.of(previous));
        assertThat(output.lines().filter(line -> line.endsWith(".partial"))).as("no partial file left: " + output)
                .isEmpty();
    }

    @Test
    void aDiskThatFillsDuringABatchStopsItSavingEverythingBeforeAndTheRunResumesOnceThereIsSpace() throws Exception {
        RequiredTool.UNSHARE_MOUNT.assume();
        Path disk = Files.createDirectories(work.resolve("small-disk-for-review"));
        Path session = disk.resolve("full.haski-session");
        Path copy = work.resolve("after-full-disk.haski-session");
        // 400 KB holds the new session's write-ahead log (schema and scan, about 200 KB) and fills after about eight
        // results of the sixty (measured 2026-12-01; sizes, not timing, decide it); then the tmpfs is grown, as a
        // user freeing space would.
        String first = javaCommandLine(jarCommand("review", photos.toString(), "--session", session.toString()));
        String script = "set -u; mount -t tmpfs -o size=400k tmpfs '" + disk + "' || exit 90; "
                + first + "; echo \"first-exit=$?\"; "
                + "mount -o remount,size=16m '" + disk + "' || exit 91; "
                + first + "; echo \"second-exit=$?\"; cp '" + session + "' '" + copy + "'";
        String output = inPrivateMountNamespace(script, "full-disk-review.log", 600);

        assertThat(output).contains("first-exit=1").contains("the disk is full. Free some space and run again; "
                + "everything saved before is kept.");
        assertThat(output).containsPattern("second-exit=[03]").contains("photos already analysed by this model are "
                + "skipped").contains("Session now holds " + photoCount + " results");
        assertHealthy(copy);
        assertThat(count(copy, "SELECT count(*) FROM (SELECT 1 FROM analysis GROUP BY photo_id, model_sha256, "
                + "format HAVING count(*) > 1)")).isZero();
    }

    // ---- the session under test

    /** A session holding a result for every photo, made once by the packaged jar and copied for each test. */
    private static synchronized Path analysedSession(String name) throws Exception {
        Path original = work.resolve("analysed.haski-session");
        if (!Files.exists(original)) {
            Process review = start(jarCommand("review", photos.toString(), "--session", original.toString()),
                    work.resolve("analysed.log"));
            assertThat(review.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(review.exitValue()).as(Files.readString(work.resolve("analysed.log"))).isIn(0, 3);
        }
        Path copy = work.resolve(name + ".haski-session");
        // The review closed the database, so the WAL is checkpointed and the one file is the whole session.
        Files.copy(original, copy);
        return copy;
    }

    private static void assertHealthy(Path session) throws SQLException {
        try (Connection c = connect(session); Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            assertThat(rows.getString(1)).as(seed()).isEqualTo("ok");
        }
    }

    /**
     * Writes {@code 0..lastAcknowledged} must be there exactly once; the one after it may have committed just before
     * the kill (at most once); none beyond it was ever started.
     */
    private static void assertExactlyOnce(Path session, String countSql, String tag, long lastAcknowledged)
            throws SQLException {
        for (long seq = 0; seq <= lastAcknowledged + 2; seq++) {
            int copies = count(session, countSql, tag + "-" + seq);
            if (seq <= lastAcknowledged) {
                assertThat(copies).as("%s-%d, acknowledged; %s", tag, seq, seed()).isEqualTo(1);
            } else if (seq == lastAcknowledged + 1) {
                assertThat(copies).as("%s-%d, in flight at the kill; %s", tag, seq, seed()).isLessThanOrEqualTo(1);
            } else {
                assertThat(copies).as("%s-%d, never started; %s", tag, seq, seed()).isZero();
            }
        }
    }

    private static void assertCompleteExport(Path target, String format) throws IOException {
        if (format.equals("json")) {
            JsonNode export = JSON.readTree(target.toFile());
            assertThat(export.get("photos")).as(seed()).hasSize(photoCount);
        } else {
            String csv = Files.readString(target, StandardCharsets.UTF_8);
            assertThat(csv).as(seed()).endsWith("\r\n");
            assertThat(csv.split("\r\n")).as(seed()).hasSize(photoCount + 1);
        }
    }

    /** Each result's id, photo and time saved; none while a kill during the session's creation left no tables. */
    private static Map<Long, String> results(Path session) throws SQLException {
        Map<Long, String> results = new HashMap<>();
        if (count(session, "SELECT count(*) FROM sqlite_master WHERE name = 'analysis'") == 0) {
            return results;
        }
        try (Connection c = connect(session); Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, photo_id || ' ' || created_at FROM analysis")) {
            while (rows.next()) {
                results.put(rows.getLong(1), rows.getString(2));
            }
        }
        return results;
    }

    private static int count(Path session, String sql, String... parameters) throws SQLException {
        try (Connection c = connect(session); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Connection connect(Path session) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + session + "?busy_timeout=10000");
    }

    // ---- child processes

    private static List<String> jarCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Dhaski.data.dir=" + work.resolve("user-data"),
                "-jar", System.getProperty("haski.jar")));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> workerCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Dhaski.data.dir=" + work.resolve("user-data"),
                "-Dhaski.cache.dir=" + work.resolve("worker-cache"), "-Dhaski.repo=" + TestFiles.repo(),
                "-cp", System.getProperty("java.class.path"), CrashWorker.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs a shell script as root of a private user and mount namespace ({@code unshare -rm}), where it may mount a
     * small tmpfs that nothing outside sees and that vanishes with it; returns what the script printed.
     */
    private static String inPrivateMountNamespace(String script, String logName, int seconds) throws Exception {
        Path log = work.resolve(logName);
        Process shell = start(List.of("unshare", "-rm", "sh", "-c", script), log);
        assertThat(shell.waitFor(seconds, TimeUnit.SECONDS)).as("finished within %d s", seconds).isTrue();
        String output = Files.readString(log);
        assertThat(shell.exitValue()).as(output).isZero();
        return output;
    }

    private static String javaCommandLine(List<String> command) {
        return String.join(" ", command.stream().map(part -> "'" + part + "'").toList());
    }

    /** Starts a child whose stdout and stderr go to {@code log}. */
    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String workersStderr() throws IOException {
        Path log = work.resolve("workers-stderr.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /**
     * A worker whose stdout goes to a file, so that every line it printed before the kill is there to read (reading a
     * pipe races with the JDK closing it when the process dies).
     */
    private record Worker(Process process, Path output) {
        static Worker start(List<String> command, Path output) throws IOException {
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("workers-stderr.log").toFile()))
                    .start();
            return new Worker(process, output);
        }

        /**
         * Kills the worker by SIGKILL once it has acknowledged {@code k} writes of {@code kind}, plus a random part of
         * the time one write took, so that the kill lands anywhere in the next write; checks that the kill hit a
         * running process. Returns how many it had acknowledged when it died.
         */
        long killAfter(String kind, int k, Random random) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            long firstSeen = 0;
            long seen;
            while ((seen = count(kind)) < k) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the worker acknowledged " + seen + " of " + k + " " + kind
                            + " lines (alive: " + process.isAlive() + "); its stderr:\n" + workersStderr());
                }
                if (seen > 0 && firstSeen == 0) {
                    firstSeen = System.nanoTime();
                }
                Thread.sleep(2);
            }
            // The writes seen so far say how long one takes here; without two of them, a millisecond or so.
            long perWrite = seen > 1 && firstSeen > 0 ? (System.nanoTime() - firstSeen) / (seen - 1) : 1_000_000;
            long offset = (long) (random.nextDouble() * Math.min(perWrite, TimeUnit.SECONDS.toNanos(2)));
            TimeUnit.NANOSECONDS.sleep(offset);
            assertThat(process.isAlive()).as("the worker is still running when it is killed; " + seed()).isTrue();
            SessionCrashIT.kill(process);
            assertThat(process.exitValue()).as("the worker died by SIGKILL, not of its own accord; " + seed())
                    .isEqualTo(128 + 9);
            return count(kind);
        }

        private long count(String kind) throws IOException {
            return last().getOrDefault(kind, 0L);
        }

        /** The last sequence number printed for each kind of write; a line cut by the kill is not counted. */
        Map<String, Long> last() throws IOException {
            Map<String, Long> seen = new HashMap<>();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            int complete = text.lastIndexOf('\n');
            for (String line : text.substring(0, complete + 1).split("\n")) {
                String[] parts = line.split(" ");
                if (parts.length == 2) {
                    seen.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            return seen;
        }

    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static String seed() {
        return "seed " + SEED;
    }
}
