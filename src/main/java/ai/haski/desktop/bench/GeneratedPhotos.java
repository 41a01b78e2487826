package ai.haski.desktop.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photo-like JPEGs at 1, 3 and 12 megapixels for {@code bench} when no folder is given: smooth shading with
 * fine noise, so that the JPEG decoder works about as hard as on a real phone photo (flat colour would decode
 * unrealistically fast).
 */
public final class GeneratedPhotos {
    /** The sizes generated: about 1, 3 and 12 MP, in the 4:3 shape of phone cameras. */
    public static final int[][] SIZES = {{1152, 864}, {2000, 1500}, {4000, 3000}};

    private GeneratedPhotos() {}

    /** Writes the three JPEGs into {@code folder} and returns them, smallest first. */
    public static List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int[] size : SIZES) {
            Path file = folder.resolve(String.format("generated-%dx%d.jpg", size[0], size[1]));
            writeJpeg(render(size[0], size[1], new SplittableRandom(size[0])), file);
            files.add(file);
        }
        return files;
    }

    private static BufferedImage render(int width, int height, SplittableRandom random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                int noise = random.nextInt(24) - 12;
                int r = clamp((int) (180 + 50 * Math.sin(6 * u + 2 * v)) + noise);
                int g = clamp((int) (130 + 40 * Math.cos(5 * v - 3 * u)) + noise);
                int b = clamp((int) (110 + 30 * Math.sin(9 * u * v)) + noise);
                row[x] = (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
