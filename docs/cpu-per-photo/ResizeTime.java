import ai.haski.desktop.image.AreaResampler;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;

/**
 * Wall time of one AreaResampler resize of a random W x H picture to TW x TH, median of the last 200 of 400 runs
 * (the first 200 let the JIT compile it). Usage, after mvn -q -DskipTests compile:
 * java -cp target/classes docs/cpu-per-photo/ResizeTime.java W H TW TH
 */
public class ResizeTime {
    public static void main(String[] args) {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        int targetWidth = Integer.parseInt(args[2]);
        int targetHeight = Integer.parseInt(args[3]);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, random.nextInt());
            }
        }
        AreaResampler resampler = new AreaResampler();
        float[] out = new float[targetWidth * targetHeight * 3];
        long[] nanos = new long[400];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            resampler.resize(picture, 0, 0, width, height, targetWidth, targetHeight, out);
            nanos[i] = System.nanoTime() - start;
        }
        long[] timed = Arrays.copyOfRange(nanos, 200, 400);
        Arrays.sort(timed);
        System.out.printf("%d x %d -> %d x %d: median %.2f ms%n", width, height, targetWidth, targetHeight,
                timed[100] / 1e6);
    }
}
