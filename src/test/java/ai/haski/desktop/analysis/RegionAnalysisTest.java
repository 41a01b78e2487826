package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.image.NativeDecoding;
import ai.haski.desktop.image.JpegSegments;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.HeadResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysing a region of a photo must give what analysing the same part, cut out and saved as its own file, gives:
 * every probability within 0.015, whether the region is cut from the scaled decode or needs a finer one, and for a
 * photo whose EXIF orientation turns it (the region is in upright pixels).
 */
class RegionAnalysisTest {
    private static final double TOLERANCE = 0.015;
    private static final String PHONE_12MP = "phone_IMG_20200827_231612.jpg";
    private static ActiveModel model;
    private static Analyzer analyzer;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
        analyzer = new Analyzer(model, new ImageLoader());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aSmallRegionOfA12MegapixelPhotoIsDecodedFinerAndEqualsItsCropSavedAsAFile() throws Exception {
        Path photo = TestFiles.photo(PHONE_12MP);
        Region region = Region.user(1400, 900, 1100, 900);

        assertThat(cutOf(photo, region).redecoded()).as("a 1100 x 900 box at 1/4 scale keeps too little margin")
                .isTrue();
        assertSameAsCropFile(photo, region);
    }

    @Test
    void aLargeRegionIsCutFromTheScaledDecodeAndEqualsItsCropSavedAsAFile() throws Exception {
        Path photo = TestFiles.photo(PHONE_12MP);
        Region region = Region.user(200, 48, 3600, 2900);

        assertThat(cutOf(photo, region).redecoded())
                .as("a 3600 x 2900 box on whole pixels of the 1/4 decode keeps its margin (900 x 725 for 224 x 224)")
                .isFalse();
        assertSameAsCropFile(photo, region);
    }

    @Test
    void aLargeRegionWhoseEdgesFallBetweenDecodedPixelsIsDecodedFinerAndEqualsItsCrop() throws Exception {
        Path photo = TestFiles.photo(PHONE_12MP);
        Region region = Region.user(201, 50, 3599, 2901);

        RegionDecoder.Cut cut = cutOf(photo, region);
        assertThat(cut.redecoded()).isTrue();
        assertThat(RegionDecoder.aligned(cut.decoded(), region)).isTrue();
        assertSameAsCropFile(photo, region);
    }

    @Test
    void aRegionOfAnExifRotatedPhotoIsInUprightPixels() throws Exception {
        byte[] jpeg = Files.readAllBytes(TestFiles.photo(PHONE_12MP));
        Path rotated = dir.resolve("rotated.jpg");
        Files.write(rotated, JpegSegments.insertAfterSoi(jpeg, JpegSegments.exifOrientation(6, ByteOrder.BIG_ENDIAN)));
        DecodedImage decoded = new ImageLoader().load(rotated, 224, 224);
        assertThat(decoded.orientation().tagValue()).isEqualTo(6);
        assertThat(decoded.originalWidth()).isLessThan(decoded.originalHeight());
        // A box that only exists in upright coordinates: wider than the stored photo is tall would not fit.
        Region region = Region.user(600, 2500, 1500, 1200);

        assertSameAsCropFile(rotated, region);
    }

    @Test
    void aRegionOfAPngDecodedAtFullSizeEqualsItsCrop() throws Exception {
        assertSameAsCropFile(TestFiles.photo("skimage_astronaut.png"), Region.user(120, 20, 260, 240));
    }

    @Test
    void theResultCarriesTheRegionAndTheWholePhotoIsRegionWhole() throws Exception {
        Path photo = TestFiles.photo("phone_IMG_1054.JPG");
        Analysis whole = (Analysis) analyzer.analyze(photo);
        JsonNode wholeJson = new ObjectMapper().readTree(ResultJson.toLine(whole));
        assertThat(wholeJson.get("region").get("source").asText()).isEqualTo("whole");
        assertThat(wholeJson.get("region").get("width").asInt()).isEqualTo(wholeJson.get("image").get("width").asInt());
        assertThat(wholeJson.get("region").get("height").asInt())
                .isEqualTo(wholeJson.get("image").get("height").asInt());

        Analysis part = (Analysis) analyzer.analyze(photo, Region.user(10, 20, 300, 200));
        JsonNode region = new ObjectMapper().readTree(ResultJson.toLine(part)).get("region");
        assertThat(region.get("x").asInt()).isEqualTo(10);
        assertThat(region.get("y").asInt()).isEqualTo(20);
        assertThat(region.get("width").asInt()).isEqualTo(300);
        assertThat(region.get("height").asInt()).isEqualTo(200);
        assertThat(region.get("source").asText()).isEqualTo("user");
    }

    @Test
    void aRegionOutsideThePhotoFailsNamingTheFileTheRegionAndThePhotoSize() {
        Path photo = TestFiles.photo("skimage_astronaut.png");

        AnalysisFailure failure = (AnalysisFailure) analyzer.analyze(photo, Region.user(400, 0, 200, 200));

        assertThat(failure.code()).isEqualTo("REGION_OUTSIDE_PHOTO");
        assertThat(failure.message()).contains("skimage_astronaut.png", "400,0,200,200", "512 x 512");
    }

    @Test
    void aRegionBelowTheSmallestSideFailsSayingSo() {
        Path photo = TestFiles.photo("skimage_astronaut.png");

        AnalysisFailure failure = (AnalysisFailure) analyzer.analyze(photo, Region.user(10, 10, 31, 200));

        assertThat(failure.code()).isEqualTo("REGION_TOO_SMALL");
        assertThat(failure.message()).contains("skimage_astronaut.png", "10,10,31,200", String.valueOf(Analyzer.MIN_SIDE));
    }

    private static RegionDecoder.Cut cutOf(Path photo, Region region) throws Exception {
        RegionDecoder decoder = new RegionDecoder(new ImageLoader());
        int size = model.manifest().input().width();
        return decoder.cut(photo, decoder.decodeWhole(photo, size, size), region, size, size);
    }

    /** The region analysed in place against the same pixels, cut from a full-size upright decode, saved as PNG. */
    private void assertSameAsCropFile(Path photo, Region region) throws Exception {
        DecodedImage full = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.IMAGEIO_ONLY)
                .load(photo, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);
        assertThat(full.subsampling()).isEqualTo(1);
        BufferedImage crop = full.image().getSubimage(region.x(), region.y(), region.width(), region.height());
        Path cropFile = dir.resolve("crop.png");
        ImageIO.write(crop, "png", cropFile.toFile());

        Analysis inPlace = (Analysis) analyzer.analyze(photo, region);
        Analysis saved = (Analysis) analyzer.analyze(cropFile);

        assertThat(inPlace.region()).isEqualTo(region);
        double worst = 0;
        for (int h = 0; h < inPlace.heads().size(); h++) {
            HeadResult a = inPlace.heads().get(h);
            HeadResult b = saved.heads().get(h);
            for (int i = 0; i < a.probabilities().length; i++) {
                worst = Math.max(worst, Math.abs(a.probabilities()[i] - b.probabilities()[i]));
            }
        }
        System.out.printf("%s region %s: largest probability difference from the saved crop %.4f%n",
                photo.getFileName(), region.toText(), worst);
        assertThat(worst).as("largest probability difference from the crop saved as a file").isLessThanOrEqualTo(TOLERANCE);
    }
}
