package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.image.NativeDecoding;
import ai.haski.desktop.image.JpegSegments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --region}: the box of an EXIF-rotated photo equals the same box saved as a file; bad boxes say why. */
class AnalyzeRegionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
    }

    @Test
    void aRegionOfAnExifRotatedPhotoEqualsTheSameBoxSavedAsAFile() throws Exception {
        Path rotated = dir.resolve("rotated.jpg");
        Files.write(rotated, JpegSegments.insertAfterSoi(Files.readAllBytes(TestFiles.photo("phone_IMG_1054.JPG")),
                JpegSegments.exifOrientation(8, ByteOrder.LITTLE_ENDIAN)));
        var upright = new ImageLoader(ImageLimits.DEFAULT, NativeDecoding.IMAGEIO_ONLY)
                .load(rotated, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4);
        assertThat(upright.orientation().tagValue()).isEqualTo(8);
        int x = upright.originalWidth() / 5;
        int y = upright.originalHeight() / 3;
        int w = upright.originalWidth() / 2;
        int h = upright.originalHeight() / 3;
        Path crop = dir.resolve("crop.png");
        ImageIO.write(upright.image().getSubimage(x, y, w, h), "png", crop.toFile());

        JsonNode inPlace = analyze("--region", x + "," + y + "," + w + "," + h, rotated.toString());
        JsonNode saved = analyze(crop.toString());

        assertThat(inPlace.get("region").get("source").asText()).isEqualTo("user");
        assertThat(inPlace.get("region").get("width").asInt()).isEqualTo(w);
        assertThat(inPlace.get("image").get("orientation").asInt()).isEqualTo(8);
        assertThat(saved.get("region").get("source").asText()).isEqualTo("whole");
        double worst = 0;
        for (Iterator<Map.Entry<String, JsonNode>> heads = inPlace.get("probabilities").fields(); heads.hasNext();) {
            Map.Entry<String, JsonNode> head = heads.next();
            for (Iterator<Map.Entry<String, JsonNode>> labels = head.getValue().fields(); labels.hasNext();) {
                Map.Entry<String, JsonNode> label = labels.next();
                double other = saved.get("probabilities").get(head.getKey()).get(label.getKey()).asDouble();
                worst = Math.max(worst, Math.abs(label.getValue().asDouble() - other));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(0.015);
    }

    @Test
    void aMalformedRegionIsAUsageErrorThatShowsTheForm() {
        int exit = run("analyze", "--region", "10,10,abc,20", TestFiles.photo("skimage_astronaut.png").toString());

        assertThat(exit).isEqualTo(HaskiCommand.USAGE);
        assertThat(err.toString()).contains("--region", "\"abc\" is not a whole number", "X,Y,W,H");
    }

    @Test
    void aRegionOutsideOnePhotoFailsThatPhotoAndTheOthersGoOn() throws Exception {
        Path out = dir.resolve("out.jsonl");
        int exit = run("analyze", "--backend", "onnx", "--region", "0,0,600,400", "--out", out.toString(),
                TestFiles.photo("skimage_astronaut.png").toString(), TestFiles.photo("phone_IMG_1054.JPG").toString());

        assertThat(exit).as(err.toString()).isEqualTo(HaskiCommand.PARTIAL);
        List<String> lines = Files.readAllLines(out);
        JsonNode astronaut = JSON.readTree(lines.get(0));
        assertThat(astronaut.get("error").get("code").asText()).isEqualTo("REGION_OUTSIDE_PHOTO");
        assertThat(astronaut.get("error").get("message").asText()).contains("skimage_astronaut.png", "0,0,600,400",
                "512 x 512");
        assertThat(JSON.readTree(lines.get(1)).get("region").get("width").asInt()).isEqualTo(600);
    }

    @Test
    void regionFaceAnalysesTheLargestFaceAndAPhotoWithoutOneFailsAlone() throws Exception {
        ai.haski.desktop.TestFiles.faceDetectorPackage();
        Path out = dir.resolve("faces.jsonl");
        int exit = run("analyze", "--backend", "onnx", "--region", "face", "--out", out.toString(),
                TestFiles.photo("skimage_astronaut.png").toString(), TestFiles.photo("skimage_coffee.png").toString());

        assertThat(exit).as(err.toString()).isEqualTo(HaskiCommand.PARTIAL);
        List<String> lines = Files.readAllLines(out);
        JsonNode astronaut = JSON.readTree(lines.get(0));
        JsonNode region = astronaut.get("region");
        assertThat(region.get("source").asText()).isEqualTo("face");
        JsonNode face = astronaut.get("faces").get(0);
        assertThat(region.get("x").asInt()).isLessThanOrEqualTo(face.get("x").asInt());
        assertThat(region.get("x").asInt() + region.get("width").asInt())
                .isGreaterThanOrEqualTo((int) (face.get("x").asDouble() + face.get("width").asDouble()));
        JsonNode coffee = JSON.readTree(lines.get(1));
        assertThat(coffee.get("error").get("code").asText()).isEqualTo("NO_FACE_FOUND");
    }

    @Test
    void theCsvOutputHasTheRegionOfEachRow() throws Exception {
        Path out = dir.resolve("out.csv");
        int exit = run("analyze", "--backend", "onnx", "--format", "csv", "--region", "10,20,300,200", "--out",
                out.toString(), TestFiles.photo("skimage_astronaut.png").toString());

        assertThat(exit).as(err.toString()).isZero();
        List<List<String>> rows = ai.haski.desktop.platform.CsvTable.parse(Files.readString(out));
        List<String> header = rows.get(0);
        assertThat(rows.get(1).get(header.indexOf("region"))).isEqualTo("10,20,300,200");
        assertThat(rows.get(1).get(header.indexOf("region_source"))).isEqualTo("user");
        assertThat(rows.get(1)).hasSameSizeAs(header);
    }

    private JsonNode analyze(String... args) throws Exception {
        Path out = Files.createTempFile(dir, "result", ".jsonl");
        String[] all = new String[args.length + 5];
        all[0] = "analyze";
        all[1] = "--backend";
        all[2] = "onnx";
        all[3] = "--out";
        all[4] = out.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        int exit = run(all);
        assertThat(exit).as(err.toString()).isZero();
        return JSON.readTree(Files.readAllLines(out).get(0));
    }
}
