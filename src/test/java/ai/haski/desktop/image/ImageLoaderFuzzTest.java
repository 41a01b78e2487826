package ai.haski.desktop.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the whole decode front (format sniffing, header checks, EXIF, decoding, colour conversion) with arbitrary
 * file contents. The property: the loader returns a picture or throws {@link ImageDecodeException} with a message
 * naming the file; anything else that escapes (a runtime exception, an error, a hang past the timeout) is a finding,
 * and so is running out of memory on a small file.
 *
 * <p>{@code mvn verify} replays the seeds under {@code src/test/resources/.../ImageLoaderFuzzTestInputs}; to fuzz,
 * see docs/RELIABILITY.md.
 */
class ImageLoaderFuzzTest {
    /**
     * A 4-megapixel limit instead of 100 keeps the honest work per input (a valid lossless WebP of one colour can
     * declare millions of pixels in 200 bytes, and the pure-Java decoder needs seconds for them under instrumentation)
     * below the 10-second timeout, so that a timeout means a decoder that is stuck, not one that is busy. Every code
     * path is the same as with the default limit.
     */
    private static final ImageLoader LOADER = new ImageLoader(ImageLimits.ofMegapixels(4));
    private static final Path FILE = temporaryFile();

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("haski-fuzz-", ".img");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    @Timeout(10)
    // In libFuzzer dictionary syntax a byte that is not printable is written \xNN, hence "\\x00" in Java source.
    @DictionaryEntries({"\\x89PNG\\x0D\\x0A\\x1A\\x0A", "IHDR", "IDAT", "IEND", "PLTE", "tRNS", "iCCP", "eXIf",
        "GIF87a", "GIF89a", "NETSCAPE2.0", "BM", "II*\\x00", "MM\\x00*", "RIFF", "WEBP", "VP8L", "VP8 ", "VP8X",
        "ALPH", "EXIF", "Exif\\x00\\x00", "\\xFF\\xD8\\xFF", "\\xFF\\xC0", "\\xFF\\xC4", "\\xFF\\xDA",
        "\\xFF\\xD9", "JFIF\\x00", "Adobe", "ICC_PROFILE\\x00"})
    void decodesOrRefusesWithACode(byte[] content) throws IOException {
        Files.write(FILE, content);
        try {
            DecodedImage decoded = LOADER.load(FILE, 64, 64);
            assertThat(decoded.image().getWidth()).isPositive();
        } catch (ImageDecodeException refused) {
            assertThat(refused.code()).as(refused.getMessage()).isNotEqualTo(ImageErrorCode.OUT_OF_MEMORY);
            assertThat(refused.getMessage()).startsWith("Cannot use " + FILE.getFileName() + ": ");
        }
    }
}
