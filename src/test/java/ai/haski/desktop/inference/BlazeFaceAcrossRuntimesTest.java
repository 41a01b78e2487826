package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.model.ColourOrder;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ResizeMode;
import ai.haski.desktop.model.TensorInfo;
import ai.haski.desktop.model.TensorLayout;
import ai.haski.desktop.platform.AppPaths;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MediaPipe's BlazeFace, a real trained face detector this project did not make, in both of the app's runtimes: the
 * short-range TFLite file through {@link TfliteBackend} and the 128 x 128 "front" ONNX conversion through
 * {@link OnnxRuntimeBackend}, on the same photo, preprocessed by the app's {@link Preprocessor}.
 *
 * <p>What the files say (their runtimes report it): both take one NHWC float32 input {@code [1,128,128,3]}, RGB. The
 * TFLite file gives {@code regressors [1,896,16]} and {@code classificators [1,896,1]}; the ONNX file splits the same
 * per grid: {@code Identity:0 [1,512,1]}, {@code Identity_1:0 [1,384,1]} (scores), {@code Identity_2:0 [1,512,16]},
 * {@code Identity_3:0 [1,384,16]} (regressors). MediaPipe feeds its face detection graph values in [-1, 1]
 * ({@code (v / 255 - 0.5) / 0.5}), and so does this test. The test stretches the whole photo to 128 x 128 where
 * MediaPipe letterboxes it: the same for the square astronaut.
 *
 * <p>The two files compute the same network (MediaPipe's "short-range" model is its former "front" model): the second test
 * prints the largest raw differences between the runtimes (about 1e-4 of a logit or a pixel here), and the best
 * boxes come out the same to four decimals. An input in [0, 1] instead of [-1, 1] still finds the astronaut's face,
 * with a slightly lower score, so the score alone does not tell the range; MediaPipe's face detection graph converts
 * the image to floats in [-1, 1], and that is what this test feeds.
 *
 * <p>No model package is needed: {@link InferenceBackend#load} and {@link LoadedModel#run} already run a raw network
 * on a raw tensor, so a detector with no classification head is tested without inventing a manifest head for it.
 */
class BlazeFaceAcrossRuntimesTest {
    /** 128 x 128, NHWC, RGB, 0..255 mapped to [-1, 1]. */
    static final PreprocessSpec BLAZEFACE_INPUT = new PreprocessSpec(BlazeFaceDecoder.INPUT_SIZE,
            BlazeFaceDecoder.INPUT_SIZE, TensorLayout.NHWC, ColourOrder.RGB, ResizeMode.STRETCH, true,
            new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
    static final long[] SHAPE = {1, BlazeFaceDecoder.INPUT_SIZE, BlazeFaceDecoder.INPUT_SIZE, 3};

    private static Backends backends;

    @BeforeAll
    static void runtimes() {
        backends = Backends.standard(AppPaths.current().cacheDir());
    }

    @Test
    void bothRuntimesFindTheAstronautsFaceInTheSamePlace() throws Exception {
        BufferedImage astronaut = photo("skimage_astronaut.png");
        try (LoadedModel tflite = load(ModelFormat.TFLITE, ThirdPartyModels.BLAZEFACE_TFLITE);
                LoadedModel onnx = load(ModelFormat.ONNX, ThirdPartyModels.BLAZEFACE_ONNX)) {
            System.out.println("BlazeFace TFLite: inputs " + tflite.inputs() + " outputs " + tflite.outputs());
            System.out.println("BlazeFace ONNX:   inputs " + onnx.inputs() + " outputs " + onnx.outputs());
            assertThat(tflite.inputs()).singleElement().extracting(TensorInfo::shape).isEqualTo(SHAPE);
            assertThat(onnx.inputs()).singleElement().extracting(TensorInfo::shape).isEqualTo(SHAPE);

            BlazeFaceDecoder.Box fromTflite = detect(tflite, astronaut);
            BlazeFaceDecoder.Box fromOnnx = detect(onnx, astronaut);
            double iou = fromTflite.iou(fromOnnx);
            System.out.printf(Locale.ROOT, "BlazeFace on skimage_astronaut.png: TFLite %s, ONNX Runtime %s, IoU %.4f%n",
                    fromTflite, fromOnnx, iou);
            assertThat(fromTflite.score()).isGreaterThan(0.5);
            assertThat(fromOnnx.score()).isGreaterThan(0.5);
            assertThat(iou).isGreaterThanOrEqualTo(0.9);
            for (BlazeFaceDecoder.Box box : new BlazeFaceDecoder.Box[] {fromTflite, fromOnnx}) {
                assertOnTheAstronautsFace(box);
            }
        }
    }

    /**
     * Photos without a person (a cup of coffee, a rocket on its pad): neither runtime finds a face (MediaPipe's own
     * threshold is 0.5), and the two runtimes' raw outputs agree everywhere, not only at the best anchor: within a
     * hundredth of a logit and of a pixel, far above float32 rounding and far below anything that moves a box.
     */
    @Test
    void neitherRuntimeFindsAFaceWhereThereIsNoneAndTheirRawOutputsAgree() throws Exception {
        try (LoadedModel tflite = load(ModelFormat.TFLITE, ThirdPartyModels.BLAZEFACE_TFLITE);
                LoadedModel onnx = load(ModelFormat.ONNX, ThirdPartyModels.BLAZEFACE_ONNX)) {
            for (String name : new String[] {"skimage_coffee.png", "skimage_rocket.jpg"}) {
                BufferedImage image = photo(name);
                BlazeFaceDecoder.Outputs fromTflite = outputs(tflite, image);
                BlazeFaceDecoder.Outputs fromOnnx = outputs(onnx, image);
                double scores = maxDifference(fromTflite.scores(), fromOnnx.scores());
                double regressors = maxDifference(fromTflite.regressors(), fromOnnx.regressors());
                System.out.printf(Locale.ROOT, "BlazeFace on %s: best TFLite %s, ONNX Runtime %s; largest raw "
                        + "difference: score logit %.2e, regressor %.2e px%n", name, BlazeFaceDecoder.best(fromTflite),
                        BlazeFaceDecoder.best(fromOnnx), scores, regressors);
                assertThat(BlazeFaceDecoder.best(fromTflite).score()).as(name).isLessThan(0.5);
                assertThat(BlazeFaceDecoder.best(fromOnnx).score()).as(name).isLessThan(0.5);
                assertThat(scores).as(name).isLessThan(1e-2);
                assertThat(regressors).as(name).isLessThan(1e-2);
            }
        }
    }

    private static BlazeFaceDecoder.Box detect(LoadedModel model, BufferedImage image) throws InferenceException {
        return BlazeFaceDecoder.best(outputs(model, image));
    }

    private static BlazeFaceDecoder.Outputs outputs(LoadedModel model, BufferedImage image) throws InferenceException {
        // Direct, native-order, as the app hands every input to both runtimes.
        ByteBuffer input = ByteBuffer.allocateDirect(BLAZEFACE_INPUT.tensorSize() * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        new Preprocessor().toTensor(image, BLAZEFACE_INPUT, input.asFloatBuffer());
        return BlazeFaceDecoder.outputsOf(model.outputs(), model.run(input, SHAPE));
    }

    private static double maxDifference(float[] a, float[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    /**
     * The astronaut (Eileen Collins, 512 x 512) faces the camera in the upper middle of the picture. Read off the
     * picture by eye, not from any detector: her face, hairline to chin and ear to ear, spans about x 0.34..0.56 and
     * y 0.14..0.36 of it. The box's centre must lie in that region and its sides be a tenth to two fifths of the
     * picture (a box around the whole head or torso would be larger).
     */
    private static void assertOnTheAstronautsFace(BlazeFaceDecoder.Box box) {
        assertThat(box.centreX()).as("centre x of %s", box).isBetween(0.34, 0.56);
        assertThat(box.centreY()).as("centre y of %s", box).isBetween(0.14, 0.36);
        assertThat(box.width()).as("width of %s", box).isBetween(0.1, 0.4);
        assertThat(box.height()).as("height of %s", box).isBetween(0.1, 0.4);
    }

    private static LoadedModel load(ModelFormat format, String relative) throws Exception {
        Path file = ThirdPartyModels.file(relative);
        return backends.get(format).load(Files.readAllBytes(file), file.getFileName() + " (" + format.id() + ")", 1);
    }

    private static BufferedImage photo(String name) throws Exception {
        return new ImageLoader().load(TestFiles.photo(name), BlazeFaceDecoder.INPUT_SIZE, BlazeFaceDecoder.INPUT_SIZE)
                .image();
    }
}
