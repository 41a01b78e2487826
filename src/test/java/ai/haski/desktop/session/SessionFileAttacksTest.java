package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.cli.HaskiCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session files that are links, and session files whose cells were damaged by something other than this app. */
class SessionFileAttacksTest {
    @TempDir
    Path dir;

    @Test
    void aSessionNameThatLinksToAnotherFileIsRefusedAndTheFileUntouched() throws Exception {
        Path photos = SessionFixtures.photos(dir.resolve("photos"), java.util.List.of("skimage_coins.png"));
        Path notes = Files.createFile(dir.resolve("notes.txt"));
        Path link = Files.createSymbolicLink(dir.resolve("study.haski-session"), notes);

        assertThatThrownBy(() -> Session.open(photos, link)).isInstanceOf(SessionException.class)
                .hasMessageContaining(link + " is a symbolic link to " + notes.toRealPath())
                .hasMessageContaining("ends in .haski-session");

        assertThat(Files.size(notes)).isZero();
        assertThat(dir.resolve("notes.txt-wal")).doesNotExist();
    }

    @Test
    void aSessionNameThatLinksToNothingIsRefusedAndNothingIsCreatedAtTheTarget() throws Exception {
        Path photos = SessionFixtures.photos(dir.resolve("photos"), java.util.List.of("skimage_coins.png"));
        Path target = dir.resolve("elsewhere").resolve("hidden.haski-session");
        Path link = Files.createSymbolicLink(dir.resolve("study.haski-session"), target);

        assertThatThrownBy(() -> Session.open(photos, link)).isInstanceOf(SessionException.class)
                .hasMessageContaining("is a symbolic link to " + target + ", which does not exist")
                .hasMessageContaining("never created through a link");

        assertThat(target).doesNotExist();
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void aLinkToARealSessionFileOpensThatFile() throws Exception {
        Path real;
        try (Session session = SessionFixtures.smallSession(dir)) {
            real = session.file();
        }
        Path link = Files.createSymbolicLink(dir.resolve("link.haski-session"), real);

        try (Session session = Session.openFile(link)) {
            assertThat(session.file()).isEqualTo(real.toRealPath());
            assertThat(session.photos().all()).hasSize(SessionFixtures.SMALL_SET.size());
        }
    }

    @Test
    void aDamagedTimestampMakesTheExportSayWhichRowIsDamaged() throws Exception {
        Path file = analysedSessionFile();
        long id = update(file, "UPDATE analysis SET created_at = 'yesterday-ish' WHERE id = (SELECT MIN(id) FROM "
                + "analysis)", "SELECT MIN(id) FROM analysis");

        try (Session session = Session.openToRead(file)) {
            assertThatThrownBy(() -> SessionExport.write(session, SessionExport.Format.CSV, dir.resolve("out.csv")))
                    .isInstanceOf(SessionException.class).hasMessageContaining("is damaged")
                    .hasMessageContaining("table analysis, row id " + id + ", column created_at")
                    .hasMessageContaining("'yesterday-ish' is not a time");
        }
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void brokenJsonInAStoredResultMakesTheCliExportSayWhichRowIsDamagedWithoutAStackTrace() throws Exception {
        Path file = analysedSessionFile();
        long id = update(file, "UPDATE analysis SET outcome_json = '{\"skin_type\": [broken' WHERE id = (SELECT "
                + "MAX(id) FROM analysis)", "SELECT MAX(id) FROM analysis");
        StringWriter err = new StringWriter();

        int exit = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export", "--session",
                file.toString(), "--out", dir.resolve("out.json").toString());

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("error: Cannot export the session: session file", "is damaged",
                "table analysis, row id " + id + ", column outcome_json", "not valid JSON")
                .doesNotContain("\tat ", "Exception");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void aDamagedPhotoStateIsNamedToo() throws Exception {
        Path file = analysedSessionFile();
        long id = update(file, "UPDATE photo SET state = 'sort of there' WHERE id = (SELECT MIN(id) FROM photo)",
                "SELECT MIN(id) FROM photo");

        try (Session session = Session.openToRead(file)) {
            assertThatThrownBy(() -> SessionExport.write(session, SessionExport.Format.JSON, dir.resolve("o.json")))
                    .isInstanceOf(SessionException.class)
                    .hasMessageContaining("table photo, row id " + id + ", column state")
                    .hasMessageContaining("'sort of there' is not a photo state");
        }
    }

    private Path analysedSessionFile() throws Exception {
        try (Session session = SessionFixtures.analysedSmallSession(dir)) {
            return session.file();
        }
    }

    /** Runs the damage as any SQLite tool would, and returns the id of the damaged row. */
    private static long update(Path file, String damage, String idQuery) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement()) {
            long id;
            try (ResultSet rows = statement.executeQuery(idQuery)) {
                rows.next();
                id = rows.getLong(1);
            }
            // As a careless tool may: the schema's CHECKs would otherwise stop some of the damage.
            statement.execute("PRAGMA ignore_check_constraints = ON");
            assertThat(statement.executeUpdate(damage)).isEqualTo(1);
            return id;
        }
    }
}
