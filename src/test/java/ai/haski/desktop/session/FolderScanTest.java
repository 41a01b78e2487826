package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FolderScanTest {
    @TempDir
    Path dir;

    @Test
    void aScanAddsThePhotosWithRelativePathsAndCountsWhatItSkipped() throws Exception {
        Path folder = SessionFixtures.photos(dir.resolve("photos"), List.of("skimage_coins.png",
                "phone_debian_logo.jpg"));
        Files.writeString(folder.resolve("notes.txt"), "not a photo");
        Files.writeString(folder.resolve(".hidden.jpg"), "hidden");
        try (Session session = Session.open(folder, dir.resolve("s.haski-session"))) {
            ScanReport report = session.rescan();

            assertThat(report.added()).isEqualTo(2);
            assertThat(report.present()).isEqualTo(2);
            assertThat(report.skippedNonImages()).isEqualTo(1);
            assertThat(session.photos().all()).extracting(Photo::relativePath)
                    .containsExactly("phone/phone_debian_logo.jpg", "skimage_coins.png");
            assertThat(session.photos().all().get(0).sizeBytes()).isEqualTo(
                    Files.size(folder.resolve("phone/phone_debian_logo.jpg")));
        }
    }

    @Test
    void aDeletedPhotoIsMarkedMissingWithItsResultsKeptAndComesBackWhenRestored() throws Exception {
        try (Session session = SessionFixtures.smallSession(dir)) {
            SessionFixtures.analyseAll(session, SessionFixtures.reference(ModelFormat.ONNX));
            Path coins = session.root().resolve("skimage_coins.png");
            byte[] bytes = Files.readAllBytes(coins);
            Files.delete(coins);
            SessionFixtures.photos(session.root().resolve("more"), List.of("skimage_astronaut.png"));

            ScanReport report = session.rescan();

            assertThat(report.nowMissing()).isEqualTo(1);
            assertThat(report.added()).isEqualTo(1);
            Photo missing = session.photos().byPath("skimage_coins.png").orElseThrow();
            assertThat(missing.state()).isEqualTo(PhotoState.MISSING);
            assertThat(session.results().forPhoto(missing.id())).hasSize(1);
            ModelKey onnx = ModelKey.of(SessionFixtures.reference(ModelFormat.ONNX).provenance());
            assertThat(session.results().toAnalyse(onnx, false)).extracting(Photo::relativePath)
                    .containsExactly("more/skimage_astronaut.png");

            Files.write(coins, bytes);
            Files.setLastModifiedTime(coins, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
            ScanReport back = session.rescan();
            assertThat(back.returned()).isEqualTo(1);
            assertThat(back.nowMissing()).isZero();
            Photo returned = session.photos().byPath("skimage_coins.png").orElseThrow();
            assertThat(returned.state()).isEqualTo(PhotoState.PRESENT);
            assertThat(session.results().forPhoto(returned.id()).get(0).fileChangedSince(returned)).isTrue();
            Photo rocket = session.photos().byPath("skimage_rocket.jpg").orElseThrow();
            assertThat(session.results().forPhoto(rocket.id()).get(0).fileChangedSince(rocket)).isFalse();

            Files.setLastModifiedTime(session.root().resolve("skimage_rocket.jpg"),
                    java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
            assertThat(session.rescan().changed()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void pipesNamedLikePhotosAndLinkLoopsAreReportedWithoutHanging() throws Exception {
        Path folder = SessionFixtures.photos(dir.resolve("photos"), List.of("skimage_coins.png"));
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("pipe.jpg").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Files.createSymbolicLink(folder.resolve("phone").resolve("loop"), Path.of(".."));
        try (Session session = Session.open(folder, dir.resolve("s.haski-session"))) {
            ScanReport report = session.rescan();

            assertThat(report.present()).isEqualTo(1);
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("pipe.jpg").contains("not a regular"))
                    .anySatisfy(p -> assertThat(p).contains("loop").contains("loop, not followed"));
            // A batch must not hang on it either: the scan left it out, so there is nothing to open.
            BatchProgress done = new BatchRunner(session, SessionFixtures.reference(ModelFormat.ONNX), SessionFixtures.pool(1), false).run();
            assertThat(done.done()).isEqualTo(1);
        }
    }

    @Test
    void aMovedFolderIsRefusedUntilRelinkedAndThenEveryPhotoIsFoundWithItsHistory() throws Exception {
        Path file;
        long photoId;
        Path moved = dir.resolve("moved");
        try (Session session = SessionFixtures.smallSession(dir)) {
            file = session.file();
            SessionFixtures.analyseAll(session, SessionFixtures.reference(ModelFormat.ONNX));
            Photo coins = session.photos().byPath("skimage_coins.png").orElseThrow();
            photoId = coins.id();
            session.reviews().note(photoId, "left cheek", "Ada");
            Files.move(session.root(), moved);

            assertThatThrownBy(session::rescan).isInstanceOf(SessionException.class)
                    .hasMessageContaining("is not there").hasMessageContaining("relink");
            assertThat(session.photos().count(PhotoState.MISSING)).isZero();
        }
        try (Session session = Session.openFile(file)) {
            assertThatThrownBy(() -> session.relink(Files.createDirectories(dir.resolve("empty"))))
                    .isInstanceOf(SessionException.class).hasMessageContaining("None of the 8 photos");

            ScanReport report = session.relink(moved);

            assertThat(session.root()).isEqualTo(moved.toRealPath());
            assertThat(session.info().root()).isEqualTo(moved.toRealPath());
            assertThat(session.info().relinkedAt()).isPresent();
            assertThat(report.added()).isZero();
            assertThat(report.nowMissing()).isZero();
            assertThat(report.present()).isEqualTo(SessionFixtures.SMALL_SET.size());
            assertThat(session.reviews().currentNote(photoId)).map(Note::text).contains("left cheek");
            assertThat(session.results().toAnalyse(ModelKey.of(SessionFixtures.reference(ModelFormat.ONNX)
                    .provenance()), false)).isEmpty();
        }
    }

    @Test
    void relativePathsUseForwardSlashes() {
        Path root = Path.of("/photos");
        assertThat(FolderScan.relative(root, root.resolve("a").resolve("b.jpg"))).isEqualTo("a/b.jpg");
        assertThat(new Photo(1, "a/b.jpg", 0, 0, PhotoState.PRESENT, java.time.Instant.EPOCH, java.time.Instant.EPOCH)
                .resolveIn(root)).isEqualTo(root.resolve("a").resolve("b.jpg"));
    }
}
