package ai.haski.desktop.session;

import ai.haski.desktop.image.ImageFileScanner;
import ai.haski.desktop.platform.FileNameEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a session's photo list up to date with its folder: new files are added, files no longer there are marked
 * missing (never dropped: their results and verdicts stay), and files that came back are marked present again.
 *
 * <p>It only lists and stats files, never opens them, so a pipe named {@code x.jpg} cannot make it hang.
 */
final class FolderScan {
    private static final Logger LOG = LoggerFactory.getLogger(FolderScan.class);

    private record Seen(String relativePath, long size, long modifiedMillis) {}

    private record Known(long id, long size, long modifiedMillis, PhotoState state) {}

    private FolderScan() {}

    static ScanReport run(SessionDatabase db, Path root) throws SessionException {
        if (!Files.isDirectory(root)) {
            // Marking every photo missing because a drive is not mounted would only alarm; refuse instead.
            throw new SessionException("The session's folder " + root + " is not there (moved, renamed, or on a "
                    + "drive that is not connected). Connect the drive, or relink the session to the folder's new "
                    + "place.");
        }
        ImageFileScanner.Scan scan = ImageFileScanner.scan(List.of(root));
        List<String> problems = new ArrayList<>(scan.problems());
        List<Seen> seen = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : scan.images()) {
            String name = relative(root, file);
            if (!names.add(name)) {
                // Two names that differ only in bytes the file-name encoding cannot read come out as one string.
                problems.add(name + ": another file's name reads the same in this system's file-name encoding ("
                        + FileNameEncoding.current() + "); only one of them is listed. Rename the files, or start "
                        + "the app with a UTF-8 locale (for example LANG=C.UTF-8).");
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                seen.add(new Seen(name, attributes.size(), attributes.lastModifiedTime().toMillis()));
            } catch (IOException e) {
                problems.add(file + ": cannot be read (" + e.getMessage() + "), treated as missing");
            }
        }
        ScanReport report = db.write("save the scan of " + root, c -> {
            Map<String, Known> known = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, rel_path, size_bytes, modified_ms, state FROM photo");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.put(rows.getString(2), new Known(rows.getLong(1), rows.getLong(3), rows.getLong(4),
                            PhotoState.fromDb(rows.getString(5))));
                }
            }
            String now = Timestamps.format(Timestamps.now());
            int added = 0;
            int returned = 0;
            int changed = 0;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO photo (rel_path, size_bytes, modified_ms, "
                    + "state, added_at, last_seen_at) VALUES (?, ?, ?, 'present', ?, ?)");
                    PreparedStatement update = c.prepareStatement("UPDATE photo SET size_bytes = ?, modified_ms = ?, "
                            + "state = 'present', last_seen_at = ? WHERE id = ?")) {
                for (Seen file : seen) {
                    Known before = known.remove(file.relativePath());
                    if (before == null) {
                        insert.setString(1, file.relativePath());
                        insert.setLong(2, file.size());
                        insert.setLong(3, file.modifiedMillis());
                        insert.setString(4, now);
                        insert.setString(5, now);
                        insert.addBatch();
                        added++;
                    } else {
                        if (before.state() == PhotoState.MISSING) {
                            returned++;
                        } else if (before.size() != file.size() || before.modifiedMillis() != file.modifiedMillis()) {
                            changed++;
                        }
                        update.setLong(1, file.size());
                        update.setLong(2, file.modifiedMillis());
                        update.setString(3, now);
                        update.setLong(4, before.id());
                        update.addBatch();
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            int nowMissing = 0;
            try (PreparedStatement missing = c.prepareStatement("UPDATE photo SET state = 'missing' WHERE id = ?")) {
                for (Known gone : known.values()) {
                    if (gone.state() == PhotoState.PRESENT) {
                        missing.setLong(1, gone.id());
                        missing.addBatch();
                        nowMissing++;
                    }
                }
                missing.executeBatch();
            }
            return new ScanReport(added, nowMissing, returned, changed, seen.size(), scan.skipped().size(), problems);
        });
        LOG.info("Scanned session folder: {} present, {} added, {} now missing, {} returned, {} changed, {} skipped, "
                        + "{} problems", report.present(), report.added(), report.nowMissing(), report.returned(),
                report.changed(), report.skippedNonImages(), report.problems().size());
        return report;
    }

    /** The path below the root with {@code /} separators on every system, so a session file moves between them. */
    static String relative(Path root, Path file) {
        Path relative = root.relativize(file);
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }
}
