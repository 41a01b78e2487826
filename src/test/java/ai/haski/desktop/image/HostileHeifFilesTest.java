package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.HeifTools;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEIC and AVIF files spoilt the ways an attacker or a broken copy would: each gives one clean
 * {@link ImageDecodeException} with a stable code and the file's name, and the JVM (libheif runs inside it) survives.
 */
class HostileHeifFilesTest {
    @TempDir
    Path folder;

    private final ImageLoader loader = new ImageLoader();
    private byte[] heic;
    private byte[] gridAvif;

    @BeforeEach
    void encode() throws Exception {
        Path photo = PublicPhotos.photo("skimage_coffee.png");
        heic = Files.readAllBytes(HeifTools.heifEnc(photo, folder.resolve("coffee.heic")));
        gridAvif = Files.readAllBytes(HeifTools.avifenc(photo, folder.resolve("grid.avif"), "--grid", "2x2"));
    }

    @Test
    void truncatedAnywhereIsCorrupt() throws Exception {
        for (int percent : new int[] {1, 5, 20, 50, 90, 99}) {
            Path cut = TestImages.save(folder, "cut" + percent + ".heic",
                    Arrays.copyOf(heic, Math.max(16, heic.length * percent / 100)));
            assertRefused(cut, ImageErrorCode.CORRUPT_IMAGE);
        }
    }

    @Test
    void aBoxClaimingMoreBytesThanTheFileHasIsCorrupt() throws Exception {
        byte[] spoilt = heic.clone();
        ByteBuffer.wrap(spoilt).putInt(boxStart(spoilt, "meta"), spoilt.length * 4);

        assertRefused(TestImages.save(folder, "longbox.heic", spoilt), ImageErrorCode.CORRUPT_IMAGE);
    }

    @Test
    void anAbsurdDeclaredSizeIsRefusedBeforeDecoding() throws Exception {
        byte[] spoilt = heic.clone();
        // ispe: size, "ispe", version and flags, then width and height as 32-bit numbers.
        int ispe = boxStart(spoilt, "ispe");
        ByteBuffer.wrap(spoilt).putInt(ispe + 12, 1_000_000).putInt(ispe + 16, 1_000_000);

        assertRefused(TestImages.save(folder, "huge.heic", spoilt), ImageErrorCode.IMAGE_TOO_LARGE);
    }

    @Test
    void aGridDeclaringTheMostTilesPossibleIsRefused() throws Exception {
        byte[] spoilt = gridAvif.clone();
        // The grid item: version 0, flags 0, rows - 1, columns - 1, then the output width and height (600 x 400).
        int grid = indexOf(spoilt, new byte[] {0, 0, 1, 1, 0x02, 0x58, 0x01, (byte) 0x90});
        assertThat(grid).as("the 2 x 2 grid descriptor of a 600 x 400 AVIF").isPositive();
        spoilt[grid + 2] = (byte) 255;
        spoilt[grid + 3] = (byte) 255;

        Path file = TestImages.save(folder, "tiles.avif", spoilt);
        ImageDecodeException refused = refusal(file);
        assertThat(refused.code()).isIn(ImageErrorCode.CORRUPT_IMAGE, ImageErrorCode.IMAGE_TOO_LARGE);
    }

    @Test
    void randomByteChangesGiveAPictureOrACleanError() throws Exception {
        Random random = new Random(20261201);
        for (int i = 0; i < 40; i++) {
            byte[] spoilt = (i % 2 == 0 ? heic : gridAvif).clone();
            for (int n = 0; n < 1 + random.nextInt(8); n++) {
                spoilt[random.nextInt(spoilt.length)] = (byte) random.nextInt(256);
            }
            Path file = TestImages.save(folder, "mutant" + i + (i % 2 == 0 ? ".heic" : ".avif"), spoilt);
            try {
                DecodedImage decoded = loader.load(file, 64, 64);
                // The HEVC and AV1 decoders conceal some damage in the coded picture, as they do for video.
                assertThat(decoded.image().getWidth()).isPositive();
            } catch (ImageDecodeException refused) {
                assertThat(refused.getMessage()).startsWith("Cannot use " + file.getFileName() + ": ");
                assertThat(refused.code()).isNotEqualTo(ImageErrorCode.OUT_OF_MEMORY);
            }
        }
    }

    private void assertRefused(Path file, ImageErrorCode code) {
        ImageDecodeException refused = refusal(file);
        assertThat(refused.code()).as(refused.getMessage()).isEqualTo(code);
    }

    private ImageDecodeException refusal(Path file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(file, 64, 64));
        assertThat(thrown).isInstanceOf(ImageDecodeException.class)
                .hasMessageStartingWith("Cannot use " + file.getFileName() + ": ");
        return (ImageDecodeException) thrown;
    }

    /** Where the box of this type starts (its size field), found by its four letters. */
    private static int boxStart(byte[] file, String type) {
        int at = indexOf(file, type.getBytes(StandardCharsets.US_ASCII));
        assertThat(at).as("a '%s' box", type).isGreaterThanOrEqualTo(4);
        return at - 4;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
