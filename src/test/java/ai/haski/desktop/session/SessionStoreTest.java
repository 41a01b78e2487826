package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.platform.AppPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    @TempDir
    Path dir;

    @Test
    void aNewSessionIsAWriteAheadLoggedSqliteFileThatReopensWithItsFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path file = dir.resolve("a" + SessionFiles.EXTENSION);
        try (Session session = Session.open(folder, file)) {
            assertThat(session.root()).isEqualTo(folder.toRealPath());
            assertThat(session.info().schemaVersion()).isEqualTo(SchemaMigrations.latest());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement()) {
            assertThat(text(statement, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(text(statement, "PRAGMA application_id")).isEqualTo(
                    String.valueOf(SchemaMigrations.APPLICATION_ID));
        }
        try (Session again = Session.open(folder, file)) {
            assertThat(again.info().createdByApp()).isNotBlank();
            assertThat(again.root()).isEqualTo(folder.toRealPath());
        }
    }

    @Test
    void theDefaultSessionOfAFolderIsFoundAgainByAnyPathLeadingToIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), folder);
        AppPaths paths = AppPaths.current();

        Path viaFolder = SessionFiles.defaultFor(paths, folder);
        Path viaLink = SessionFiles.defaultFor(paths, link.resolve("../photos/."));

        assertThat(viaLink).isEqualTo(viaFolder);
        assertThat(viaFolder.getParent()).isEqualTo(paths.dataDir().resolve("sessions"));
        assertThat(viaFolder.getFileName().toString()).matches("[0-9a-f]{16}\\.haski-session");
    }

    @Test
    void aSessionFileNameMustEndInTheSessionExtension() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));

        assertThatThrownBy(() -> Session.open(folder, dir.resolve("photo.jpg")))
                .isInstanceOf(SessionException.class).hasMessageContaining("photo.jpg")
                .hasMessageContaining(".haski-session");
        assertThat(dir.resolve("photo.jpg")).doesNotExist();
    }

    @Test
    void aMissingFolderIsNamedWithWhatToDo() {
        assertThatThrownBy(() -> Session.open(dir.resolve("nowhere"), dir.resolve("a.haski-session")))
                .isInstanceOf(SessionException.class).hasMessageContaining(dir.resolve("nowhere").toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aSessionOpenedForAnotherFolderSaysToRelink() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Path file = dir.resolve("a.haski-session");
        Session.open(first, file).close();

        assertThatThrownBy(() -> Session.open(second, file)).isInstanceOf(FolderMismatchException.class)
                .hasMessageContaining(first.toRealPath().toString()).hasMessageContaining("relink");
    }

    @Test
    void aDamagedFileIsRefusedWithAMessageThatNamesItAndLeavesItAlone() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path file = dir.resolve("damaged.haski-session");
        byte[] garbage = "this is not a database, it is a text file that got the wrong name".repeat(100).getBytes();
        Files.write(file, garbage);

        assertThatThrownBy(() -> Session.open(folder, file)).isInstanceOf(SessionException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged")
                .hasMessageContaining("photos are untouched");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void anotherProgramsDatabaseIsNotTakenForASession() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path file = dir.resolve("other.haski-session");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER)");
        }

        assertThatThrownBy(() -> Session.open(folder, file)).isInstanceOf(SessionException.class)
                .hasMessageContaining("another program").hasMessageContaining(file.toString());
    }

    @Test
    void aSessionLockedByAnotherWriterGivesALockedMessageAndLosesNothing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.copy(ai.haski.desktop.TestFiles.photo("skimage_coins.png"), folder.resolve("coins.png"));
        Path file = dir.resolve("locked.haski-session");
        Session.open(folder, file).close();
        try (Session session = Session.open(folder, file, 200);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");

            assertThatThrownBy(session::rescan).isInstanceOf(SessionException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("in use by another");

            statement.execute("COMMIT");
            assertThat(session.rescan().added()).isEqualTo(1);
        }
    }

    @Test
    void sqliteErrorCodesBecomeMessagesThatSayWhatToDo() {
        Path file = Path.of("s.haski-session");
        assertThat(SqlErrors.translate(file, "save a result", new org.sqlite.SQLiteException("[SQLITE_FULL]",
                org.sqlite.SQLiteErrorCode.SQLITE_FULL))).hasMessageContaining("disk is full")
                .hasMessageContaining("everything saved before is kept");
        assertThat(SqlErrors.translate(file, "save a result", new org.sqlite.SQLiteException("[SQLITE_READONLY]",
                org.sqlite.SQLiteErrorCode.SQLITE_READONLY))).hasMessageContaining("permissions");
        assertThat(SqlErrors.translate(file, "save a result", new org.sqlite.SQLiteException("[SQLITE_IOERR_WRITE]",
                org.sqlite.SQLiteErrorCode.SQLITE_IOERR_WRITE))).hasMessageContaining("the disk reported an error");
    }

    private static String text(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
