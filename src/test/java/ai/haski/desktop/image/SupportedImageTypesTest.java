package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SupportedImageTypesTest {
    @Test
    void acceptsTheSupportedExtensionsInAnyCase() {
        for (String name : new String[] {"a.jpg", "a.JPG", "a.jpeg", "a.Jpeg", "a.png", "a.bmp", "a.gif", "a.tif",
                "a.TIFF", "a.webp", "IMG_1.2.jpg", "IMG_0001.HEIC", "a.heif", "a.hif", "a.avif"}) {
            assertThat(SupportedImageTypes.isSupportedName(Path.of("/photos", name))).as(name).isTrue();
        }
    }

    @Test
    void rejectsOtherNames() {
        for (String name : new String[] {"a.txt", "a.mov", "a.jpg.part", "a.heic.part", "jpg", ".jpg", "a.", "notes",
                "._IMG_1.jpg"}) {
            assertThat(SupportedImageTypes.isSupportedName(Path.of("/photos", name))).as(name).isFalse();
        }
        assertThat(SupportedImageTypes.isSupportedName(Path.of("/"))).isFalse();
    }

    @Test
    void listsTheExtensions() {
        assertThat(SupportedImageTypes.extensions())
                .containsExactlyInAnyOrder("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp", "heic", "heif",
                        "hif", "avif");
    }

    @Test
    void recognisesOnlyReadersOfSupportedFormats() {
        assertThat(SupportedImageTypes.formatOf(new String[] {"JPEG", "jpeg", "JPG"})).contains("jpeg");
        assertThat(SupportedImageTypes.formatOf(new String[] {"tiff", "TIFF", "tif"})).contains("tiff");
        assertThat(SupportedImageTypes.formatOf(new String[] {"wbmp", "WBMP"})).isEmpty();
        assertThat(SupportedImageTypes.formatOf(new String[] {"ico", "ICO"})).isEmpty();
    }
}
