package ai.haski.desktop.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Many small photo-like JPEGs (shading and noise, each one different) for batch and scale checks, where hundreds or
 * thousands of files are needed and the public photos are too few.
 */
public final class GeneratedJpegs {
    private GeneratedJpegs() {}

    /** Writes {@code count} JPEGs named {@code photo-00000.jpg} on into {@code folder}; returns them in order. */
    public static List<Path> write(Path folder, int count, int width, int height) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int n = 0; n < count; n++) {
            SplittableRandom random = new SplittableRandom(n);
            double phase = random.nextDouble(6.28);
            int tint = random.nextInt(60);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double u = (double) x / width;
                    double v = (double) y / height;
                    int noise = random.nextInt(16) - 8;
                    int r = clamp((int) (150 + tint + 60 * Math.sin(5 * u + 3 * v + phase)) + noise);
                    int g = clamp((int) (120 + 45 * Math.cos(4 * v - 2 * u + phase)) + noise);
                    int b = clamp((int) (100 - tint / 2 + 40 * Math.sin(7 * u * v + phase)) + noise);
                    row[x] = (r << 16) | (g << 8) | b;
                }
                image.setRGB(0, y, width, 1, row, 0, width);
            }
            Path file = folder.resolve(String.format("photo-%05d.jpg", n));
            ImageIO.write(image, "jpeg", file.toFile());
            files.add(file);
        }
        return files;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
