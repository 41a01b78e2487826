package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.model.FaceBox;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.ModelTask;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled face detector package, {@code models/mediapipe-blazeface}, loaded as the app loads it: proven by its
 * own test vector in each runtime (the TFLite file is MediaPipe's short-range model, the ONNX file its former
 * "front" model converted; the vector is what TFLite computes, so ONNX Runtime passing it shows the two files are
 * one network), then decoded by its manifest's detector section on real photos, decoded as the analyzer decodes
 * them for the 224 x 224 reference model.
 */
class FaceDetectorPackageTest {
    private static FaceDetector onnx;
    private static FaceDetector tflite;

    @BeforeAll
    static void load() throws Exception {
        ModelPackage pkg = SharedEngine.read(TestFiles.faceDetectorPackage());
        assertThat(pkg.manifest().task()).isEqualTo(ModelTask.FACE_DETECTION);
        onnx = new FaceDetector(SharedEngine.loader().load(pkg, List.of(ModelFormat.ONNX), 1));
        tflite = new FaceDetector(SharedEngine.loader().load(pkg, List.of(ModelFormat.TFLITE), 1));
    }

    @AfterAll
    static void close() {
        if (onnx != null) {
            onnx.close();
        }
        if (tflite != null) {
            tflite.close();
        }
    }

    @Test
    void eachRuntimeComputesTheTestVectorWithinItsTolerance() {
        for (FaceDetector detector : List.of(onnx, tflite)) {
            System.out.printf(Locale.ROOT, "%s: test vector max deviation %.2e%n", detector.describe(),
                    detector.model().testVectorDeviation());
            assertThat(detector.model().testVectorDeviation())
                    .isLessThanOrEqualTo(detector.model().manifest().testVector().tolerance());
        }
        assertThat(onnx.model().format()).isEqualTo(ModelFormat.ONNX);
        assertThat(tflite.model().format()).isEqualTo(ModelFormat.TFLITE);
    }

    /**
     * The astronaut (512 x 512): her face, read off the picture by eye, spans about x 175..285 and y 70..185. Both
     * runtimes find one face there, with boxes that overlap by more than 0.95 of their union.
     */
    @Test
    void bothRuntimesFindTheAstronautsFaceWithTheSameBox() throws Exception {
        DecodedImage astronaut = decode("skimage_astronaut.png");
        List<FaceBox> fromOnnx = detect(onnx, astronaut);
        List<FaceBox> fromTflite = detect(tflite, astronaut);
        System.out.println("astronaut: ONNX Runtime " + fromOnnx + ", TFLite " + fromTflite);

        assertThat(fromOnnx).hasSize(1);
        assertThat(fromTflite).hasSize(1);
        FaceBox a = fromOnnx.get(0);
        FaceBox b = fromTflite.get(0);
        assertThat(a.iou(b)).isGreaterThan(0.95);
        for (FaceBox face : List.of(a, b)) {
            assertThat(face.score()).isGreaterThan(0.5);
            assertThat(face.x() + face.width() / 2).as("centre x of %s", face).isBetween(175.0, 285.0);
            assertThat(face.y() + face.height() / 2).as("centre y of %s", face).isBetween(70.0, 185.0);
            assertThat(face.width()).as("width of %s", face).isBetween(50.0, 200.0);
        }
    }

    /** Photos without a person: a cup, coins, a rocket, galaxies, a cat, a motorcycle, dogs, a city, a circuit board. */
    @ParameterizedTest
    @ValueSource(strings = {"skimage_coffee.png", "skimage_coins.png", "skimage_rocket.jpg",
            "skimage_hubble_deep_field.jpg", "skimage_chelsea.png", "skimage_motorcycle_left.png",
            "phone_IMG-20191006-WA0002.jpg", "phone_IMG_1054.JPG", "phone_IMG_20200827_231612.jpg"})
    void neitherRuntimeFindsAFaceWhereThereIsNone(String name) throws Exception {
        DecodedImage photo = decode(name);
        assertThat(detect(onnx, photo)).as(name + " with ONNX Runtime").isEmpty();
        assertThat(detect(tflite, photo)).as(name + " with TFLite").isEmpty();
    }

    private static List<FaceBox> detect(FaceDetector detector, DecodedImage decoded) throws InferenceException {
        return detector.detect(decoded.image(), decoded.originalWidth() / (double) decoded.image().getWidth(),
                decoded.originalHeight() / (double) decoded.image().getHeight());
    }

    private static DecodedImage decode(String name) throws Exception {
        return new ImageLoader().load(TestFiles.photo(name), 224, 224);
    }
}
