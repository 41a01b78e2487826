package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.WideGamutPhotos;
import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.image.NativeDecoding;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.HeadDecoder;
import ai.haski.desktop.inference.Preprocessor;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.HeadResult;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path decodes big photos subsampled (TurboJPEG's DCT scaling for plain JPEGs, ImageIO's source subsampling
 * for the rest); the model must not notice: every probability within 0.01 of the full-size ImageIO decode followed by
 * the same resize.
 */
class FastDecodeQualityTest {
    private static ActiveModel model;
    @TempDir
    static Path folder;

    @BeforeAll
    static void load() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone_IMG_20200827_231612.jpg", "phone_IMG_1054.JPG", "phone_IMG-20191006-WA0002.jpg",
            "skimage_astronaut.png", "skimage_hubble_deep_field.jpg", "skimage_rocket.jpg"})
    void subsampledDecodeChangesNoProbabilityByMoreThanOnePercent(String name) throws Exception {
        assertWithinOnePercent(name, TestFiles.photo(name));
    }

    /**
     * Wide-gamut JPEGs take the fast path too: decoded at the DCT scale, then turned through their profile into sRGB,
     * against the full-size decode that ImageIO turns through the same profile.
     */
    @ParameterizedTest
    @CsvSource({"phone_IMG_20200827_231612.jpg, AdobeRGB1998.icc", "phone_IMG_20200827_231612.jpg, ProPhotoRGB.icc",
            "phone_IMG_1054.JPG, AdobeRGB1998.icc", "phone_IMG-20191006-WA0002.jpg, ProPhotoRGB.icc",
            "skimage_chelsea.png, AdobeRGB1998.icc"})
    void wideGamutJpegOnTheFastPathChangesNoProbabilityByMoreThanOnePercent(String name, String profile)
            throws Exception {
        Path wide = WideGamutPhotos.write(TestFiles.photo(name), TestFiles.iccProfile(profile),
                folder.resolve(name + "." + profile + ".jpg"));
        int size = model.manifest().input().width();
        assertThat(new ImageLoader().load(wide, size, size).decoder()).isEqualTo(DecodedImage.TURBOJPEG);
        assertWithinOnePercent(wide.getFileName().toString(), wide);
    }

    /** Progressive JPEGs decode through TurboJPEG at the same DCT scale, with the same promise. */
    @ParameterizedTest
    @ValueSource(strings = {"phone_IMG_20200827_231612.jpg", "phone_IMG-20191006-WA0002.jpg"})
    void progressiveJpegOnTheFastPathChangesNoProbabilityByMoreThanOnePercent(String name) throws Exception {
        BufferedImage photo = ImageIO.read(TestFiles.photo(name).toFile());
        Path progressive = folder.resolve("progressive-" + name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(progressive.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(photo, null, null), param);
        } finally {
            writer.dispose();
        }
        int size = model.manifest().input().width();
        assertThat(new ImageLoader().load(progressive, size, size).decoder()).isEqualTo(DecodedImage.TURBOJPEG);
        assertWithinOnePercent(progressive.getFileName().toString(), progressive);
    }

    private static void assertWithinOnePercent(String name, Path photo) throws Exception {
        int size = model.manifest().input().width();
        DecodedImage fast = new ImageLoader().load(photo, size, size);
        DecodedImage full = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.IMAGEIO_ONLY)
                .load(photo, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);
        assertThat(full.subsampling()).isEqualTo(1);
        if (name.equals("phone_IMG_20200827_231612.jpg")) {
            // The 12 MP photo is the one the TurboJPEG path exists for: make sure it is the path measured here.
            assertThat(fast.decoder()).isEqualTo(DecodedImage.TURBOJPEG);
        }

        List<HeadResult> fastHeads = run(fast);
        List<HeadResult> fullHeads = run(full);

        double worst = 0;
        for (int h = 0; h < fastHeads.size(); h++) {
            float[] a = fastHeads.get(h).probabilities();
            float[] b = fullHeads.get(h).probabilities();
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
        }
        System.out.printf("%s: %s, subsampling %d, largest probability change %.4f%n", name, fast.decoder(),
                fast.subsampling(), worst);
        assertThat(worst).as("largest probability change from subsampling %d", fast.subsampling()).isLessThanOrEqualTo(0.01);
    }

    private static List<HeadResult> run(DecodedImage image) throws Exception {
        ByteBuffer tensor = ByteBuffer.allocateDirect(model.inputBytes()).order(ByteOrder.nativeOrder());
        new Preprocessor().toTensor(image.image(), model.preprocessSpec(), tensor.asFloatBuffer());
        return HeadDecoder.decode(model.manifest().heads(), model.infer(tensor));
    }
}
