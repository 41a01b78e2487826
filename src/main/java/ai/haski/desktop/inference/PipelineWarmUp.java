package ai.haski.desktop.inference;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the Java half of an analysis (resize and normalise a photo-sized picture, the runtime, the heads) a few times
 * when a model loads, right after its test vector, so that the first photos of a run cost what later ones do.
 *
 * <p>The test vector's picture is already the input size, so it never reaches the resampler's downscaling loops;
 * without this the JIT compiles them while the user's first photos are being analysed (measured with {@code analyze
 * --threads 1}: a 1024 x 768 photo's preprocessing took 21 ms first and 3 ms later, inference 7.5 ms and 2 ms). The
 * picture is the size the fast JPEG path hands over for a 12 MP photo (1/4 of 4000 x 3000), with smooth gradients and
 * noise so that no branch sees only one kind of value. Nothing it computes is kept.
 */
final class PipelineWarmUp {
    static final int WIDTH = 1000;
    static final int HEIGHT = 750;
    /** Enough runs for the hot loops to reach the optimising compiler's thresholds; each costs a few milliseconds. */
    static final int ROUNDS = 6;

    private PipelineWarmUp() {}

    static void run(ActiveModel model) throws InferenceException {
        BufferedImage picture = photoSized();
        Preprocessor preprocessor = new Preprocessor();
        ByteBuffer tensor = ByteBuffer.allocateDirect(model.inputBytes()).order(ByteOrder.nativeOrder());
        for (int round = 0; round < ROUNDS; round++) {
            preprocessor.toTensor(picture, model.preprocessSpec(), tensor.asFloatBuffer());
            Map<String, float[]> outputs = model.infer(tensor);
            HeadDecoder.decode(model.manifest().heads(), outputs);
        }
    }

    private static BufferedImage photoSized() {
        BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
        SplittableRandom noise = new SplittableRandom(21);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int jitter = noise.nextInt(32);
                int r = Math.min(255, x * 224 / WIDTH + jitter);
                int g = Math.min(255, y * 224 / HEIGHT + jitter);
                int b = Math.min(255, (x + y) * 112 / (WIDTH + HEIGHT) + 64 + jitter);
                pixels[y * WIDTH + x] = r << 16 | g << 8 | b;
            }
        }
        return picture;
    }
}
