package ai.haski.desktop.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.image.ThumbnailStore;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.PhotoState;
import ai.haski.desktop.ui.task.CurrentThreadTaskExecutor;
import ai.haski.desktop.ui.task.QueuedTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid's thumbnails with real photos: memory first, a placeholder for a broken photo, cancelled requests. */
class GridThumbnailsTest {
    @TempDir
    Path temp;

    private Photo photo(long id, String name) throws Exception {
        Path file = Files.copy(TestFiles.photo(name), Files.createDirectories(temp.resolve("photos")).resolve(name));
        return new Photo(id, name, Files.size(file), Files.getLastModifiedTime(file).toMillis(), PhotoState.PRESENT,
                Instant.EPOCH, Instant.EPOCH);
    }

    private ThumbnailStore store() {
        return new ThumbnailStore(new ImageLoader(), temp.resolve("thumbs"), 96);
    }

    @Test
    void aThumbnailIsMadeOnceThenServedFromMemoryAndABrokenPhotoSaysItCannotBeRead() throws Exception {
        GridThumbnails thumbnails = new GridThumbnails(store(), new CurrentThreadTaskExecutor(), 1 << 20);
        Photo coins = photo(1, "skimage_coins.png");
        Photo broken = photo(2, "broken_skimage_truncated.jpg");
        List<GridThumbnails.Shown> shown = new ArrayList<>();

        thumbnails.request(temp.resolve("photos"), coins, shown::add);
        thumbnails.request(temp.resolve("photos"), coins, shown::add);
        thumbnails.request(temp.resolve("photos"), broken, shown::add);

        assertThat(shown.get(0)).isInstanceOf(GridThumbnails.Ready.class);
        assertThat(shown.get(1)).as("the same pixels, from memory").isSameAs(shown.get(0));
        assertThat(((GridThumbnails.Ready) shown.get(0)).thumbnail().width()).isEqualTo(96);
        assertThat(shown.get(2)).isInstanceOfSatisfying(GridThumbnails.Unreadable.class,
                unreadable -> assertThat(unreadable.message()).contains("broken_skimage_truncated.jpg"));
        assertThat(thumbnails.inMemory()).isEqualTo(2);
    }

    @Test
    void aRequestCancelledBeforeItsTurnDecodesNothingAndDeliversNothing() throws Exception {
        QueuedTaskExecutor pool = new QueuedTaskExecutor();
        GridThumbnails thumbnails = new GridThumbnails(store(), pool, 1 << 20);
        Photo coins = photo(1, "skimage_coins.png");
        Photo camera = photo(2, "skimage_camera.png");
        List<GridThumbnails.Shown> shown = new ArrayList<>();

        thumbnails.request(temp.resolve("photos"), coins, shown::add).cancel();
        thumbnails.request(temp.resolve("photos"), camera, shown::add);
        pool.runAll();

        assertThat(shown).hasSize(1);
        assertThat(thumbnails.inMemory()).isEqualTo(1);
        try (var files = Files.walk(temp.resolve("thumbs"))) {
            assertThat(files.filter(Files::isRegularFile).count()).as("only the camera was decoded").isEqualTo(1);
        }
    }

    @Test
    void memoryStaysUnderItsCap() throws Exception {
        long cap = 96 * 96 * 4 * 2 + 100;
        GridThumbnails thumbnails = new GridThumbnails(store(), new CurrentThreadTaskExecutor(), cap);
        String[] names = {"skimage_coins.png", "skimage_camera.png", "skimage_chelsea.png", "skimage_coffee.png"};
        for (int i = 0; i < names.length; i++) {
            thumbnails.request(temp.resolve("photos"), photo(i, names[i]), shown -> { });
        }
        assertThat(thumbnails.memoryBytes()).isLessThanOrEqualTo(cap);
        assertThat(thumbnails.inMemory()).isLessThan(names.length);
    }
}
