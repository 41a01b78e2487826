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
 * Fuzzes the HEIF and AVIF path (brand sniffing, libheif's box parser, HEVC and AV1 decoding, grid joining, colour
 * profiles) from small files made with heif-enc and avifenc. The property is {@link ImageLoaderFuzzTest}'s: a picture
 * or an {@link ImageDecodeException} naming the file; a native crash takes the JVM down and is a finding too.
 *
 * <p>{@code mvn verify} replays the seeds under {@code src/test/resources/.../HeifFuzzTestInputs}; to fuzz, see
 * docs/RELIABILITY.md.
 */
class HeifFuzzTest {
    private static final ImageLoader LOADER = new ImageLoader(ImageLimits.ofMegapixels(4));
    private static final Path FILE = temporaryFile();

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("haski-fuzz-", ".heic");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    @Timeout(10)
    @DictionaryEntries({"ftyp", "heic", "heix", "mif1", "avif", "meta", "hdlr", "pict", "pitm", "iloc", "iinf", "infe",
        "hvc1", "av01", "grid", "iref", "dimg", "thmb", "auxl", "iprp", "ipco", "ipma", "ispe", "irot", "imir", "clap",
        "colr", "nclx", "prof", "pixi", "hvcC", "av1C", "idat", "mdat", "Exif"})
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
