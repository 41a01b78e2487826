package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thumbnails of real photos: their size, the disk cache and its key, damaged photos and damaged cache files. */
class ThumbnailStoreTest {
    @TempDir
    Path temp;

    private ThumbnailStore store() {
        return new ThumbnailStore(new ImageLoader(), temp.resolve("cache/thumbnails"), 160);
    }

    private Path copy(String name) throws IOException {
        Path file = temp.resolve("photos").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.copy(TestFiles.photo(name), file, StandardCopyOption.REPLACE_EXISTING);
    }

    private List<Path> cached() throws IOException {
        Path folder = temp.resolve("cache/thumbnails");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aHeicTurnedByItsOwnRotationGetsAnUprightThumbnail() throws Exception {
        // avifenc writes irot; a HEIC or AVIF in a session folder must show as the phone showed it.
        Files.createDirectories(temp.resolve("photos"));
        Path avif = ai.haski.desktop.HeifTools.avifenc(TestFiles.photo("skimage_coffee.png"),
                temp.resolve("photos/turned.avif"), "--irot", "1");

        Thumbnail made = store().thumbnail(avif);

        assertThat(made.width()).isEqualTo(107);
        assertThat(made.height()).isEqualTo(160);
        assertThat(cached()).hasSize(1);
    }

    @Test
    void aPhonePhotosThumbnailFitsTheSideUprightAndIsKeptOnDisk() throws Exception {
        Path photo = copy("phone_IMG_1054.JPG");
        ThumbnailStore store = store();

        Thumbnail made = store.thumbnail(photo);
        DecodedImage full = new ImageLoader().load(photo, 64, 64);

        assertThat(Math.max(made.width(), made.height())).isEqualTo(160);
        // Upright: the thumbnail has the shape of the oriented photo.
        assertThat(made.width() > made.height()).isEqualTo(full.originalWidth() > full.originalHeight());
        assertThat(java.util.Arrays.stream(made.argb()).allMatch(pixel -> pixel >>> 24 == 0xFF)).as("opaque").isTrue();
        assertThat(cached()).hasSize(1);

        Thumbnail again = store.thumbnail(photo);
        assertThat(again.width()).isEqualTo(made.width());
        assertThat(again.argb()).as("read back from the PNG, exactly").isEqualTo(made.argb());
        assertThat(cached()).hasSize(1);
    }

    @Test
    void anEditedPhotoGetsANewThumbnail() throws Exception {
        Path photo = copy("skimage_camera.png");
        ThumbnailStore store = store();
        Thumbnail before = store.thumbnail(photo);

        Files.copy(TestFiles.photo("skimage_coins.png"), photo, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(photo, FileTime.fromMillis(Files.getLastModifiedTime(photo).toMillis() + 5_000));
        Thumbnail after = store.thumbnail(photo);

        assertThat(after.argb()).isNotEqualTo(before.argb());
        assertThat(cached()).hasSize(2);
    }

    @Test
    void aDamagedPhotoIsRefusedWithTheLoadersMessageAndNothingIsCached() throws Exception {
        Path broken = copy("broken_skimage_truncated.jpg");

        assertThatThrownBy(() -> store().thumbnail(broken)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("broken_skimage_truncated.jpg");
        assertThat(cached()).isEmpty();
    }

    @Test
    void aDamagedCacheFileIsMadeAgainAndAnUnwritableCacheOnlyCostsDecodes() throws Exception {
        Path photo = copy("skimage_coins.png");
        Thumbnail made = store().thumbnail(photo);
        Files.write(cached().get(0), new byte[] {1, 2, 3});

        assertThat(store().thumbnail(photo).argb()).isEqualTo(made.argb());

        Files.writeString(temp.resolve("not-a-folder"), "x");
        ThumbnailStore unwritable = new ThumbnailStore(new ImageLoader(), temp.resolve("not-a-folder/thumbs"), 160);
        assertThat(unwritable.thumbnail(photo).argb()).isEqualTo(made.argb());
    }
}
