package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.HeifTools;
import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.HeadResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A HEIC or AVIF photo, made in the test from a public photo by libheif's or libavif's own encoder, is analysed like
 * libheif's own decode of it ({@code heif-convert} to PNG) analysed as a PNG: every probability within 0.01.
 */
class HeifAnalysisTest {
    private static ActiveModel model;

    @TempDir
    Path folder;

    @BeforeAll
    static void load() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @ParameterizedTest(name = "{0} as {1} {2}")
    @CsvSource({
        "skimage_coffee.png, heic, 8-bit",
        "skimage_motorcycle_left.png, avif, 8-bit",
        "phone_debian.png, heic, with alpha",
        "skimage_coffee.png, avif, 10-bit 2x2 grid",
    })
    void analysedLikeLibheifsOwnDecodeAnalysedAsPng(String photo, String format, String variant) {
        Path source = TestFiles.photo(photo);
        Path encoded = folder.resolve(photo.replace(".png", "." + format));
        if (variant.contains("grid")) {
            HeifTools.avifenc(source, encoded, "--grid", "2x2", "-d", "10");
        } else {
            HeifTools.heifEnc(source, encoded, format.equals("avif") ? new String[] {"-A"} : new String[0]);
        }
        Path png = HeifTools.heifConvertToPng(encoded, folder.resolve(encoded.getFileName() + ".png"));

        Analyzer analyzer = new Analyzer(model, new ImageLoader());
        Analysis fromHeif = (Analysis) analyzer.analyze(encoded);
        Analysis fromPng = (Analysis) analyzer.analyze(png);

        assertThat(fromHeif.image().format()).isEqualTo(format.equals("avif") ? "avif" : "heif");
        double worst = 0;
        for (int h = 0; h < fromHeif.heads().size(); h++) {
            HeadResult a = fromHeif.heads().get(h);
            HeadResult b = fromPng.heads().get(h);
            for (int i = 0; i < a.probabilities().length; i++) {
                worst = Math.max(worst, Math.abs(a.probabilities()[i] - b.probabilities()[i]));
            }
        }
        System.out.printf("%s as %s %s: largest probability difference from heif-convert's PNG %.4f%n", photo, format,
                variant, worst);
        assertThat(worst).isLessThanOrEqualTo(0.01);
    }
}
