package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneSessionIsMigratedWithItsPhotosAndResultsKept() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path file = dir.resolve("v1.haski-session");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement()) {
            c.setAutoCommit(false);
            SchemaMigrations.migrate(c, 0, 1);
            statement.execute("INSERT INTO session (id, root, created_at, created_by_app) VALUES (1, '"
                    + folder.toRealPath() + "', '2026-01-02T03:04:05.000Z', '0.0.9')");
            statement.execute("INSERT INTO photo (rel_path, size_bytes, modified_ms, state, added_at, last_seen_at) "
                    + "VALUES ('a.jpg', 10, 20, 'missing', '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z')");
            statement.execute("INSERT INTO analysis (photo_id, model_id, model_version, model_sha256, format, runtime, "
                    + "runtime_version, app_version, created_at, photo_size_bytes, photo_modified_ms, outcome_json) "
                    + "VALUES (1, 'm', '1', 'abc', 'onnx', 'ONNX Runtime', '1.0', '0.0.9', "
                    + "'2026-01-02T03:04:05.000Z', 10, 20, '{\"file\":\"a.jpg\"}')");
            c.commit();
            assertThat(SessionDatabase.userVersion(c)).isEqualTo(1);
        }

        try (Session session = Session.open(folder, file)) {
            assertThat(session.info().schemaVersion()).isEqualTo(SchemaMigrations.latest());
            assertThat(session.info().createdByApp()).isEqualTo("0.0.9");
            Photo photo = session.photos().byPath("a.jpg").orElseThrow();
            assertThat(photo.state()).isEqualTo(PhotoState.MISSING);
            assertThat(session.results().forPhoto(photo.id())).singleElement()
                    .satisfies(result -> assertThat(result.model().sha256()).isEqualTo("abc"));
            assertThat(session.reviews().flag(photo.id(), "check", "Ada").flagged()).isTrue();
            assertThat(session.reviews().state(photo.id())).isEqualTo(ReviewState.FLAGGED);
        }
    }

    @Test
    void aSessionFromANewerAppIsRefusedAndLeftByteForByteAlone() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path file = dir.resolve("future.haski-session");
        Session.open(folder, file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement()) {
            statement.execute("PRAGMA user_version = " + (SchemaMigrations.latest() + 1));
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Session.open(folder, file)).isInstanceOf(SessionException.class)
                .hasMessageContaining("newer Haski Desktop").hasMessageContaining("Update")
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void historyTablesRefuseUpdatesAndDeletes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path file = dir.resolve("h.haski-session");
        Files.writeString(folder.resolve("x.jpg"), "not really a jpeg");
        try (Session session = Session.open(folder, file)) {
            session.rescan();
            long photo = session.photos().all().get(0).id();
            session.reviews().note(photo, "first", "Ada");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE note SET text = 'changed'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM note")).hasMessageContaining("append-only");
        }
    }
}
