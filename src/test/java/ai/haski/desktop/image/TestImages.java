package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds small test pictures and writes them in the formats ImageIO can write. */
final class TestImages {
    static final int RED = 0xFF0000;
    static final int GREEN = 0x00FF00;
    static final int BLUE = 0x0000FF;
    static final int WHITE = 0xFFFFFF;
    static final List<Integer> QUADRANT_COLOURS = List.of(RED, GREEN, BLUE, WHITE);

    private TestImages() {}

    /** Top-left red, top-right green, bottom-left blue, bottom-right white. */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean right = x >= width / 2;
                boolean bottom = y >= height / 2;
                image.setRGB(x, y, bottom ? (right ? WHITE : BLUE) : (right ? GREEN : RED));
            }
        }
        return image;
    }

    static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** Smooth but busy content, so a JPEG of it has plenty of entropy-coded data to cut. */
    static BufferedImage gradientNoise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(40)) & 0xFF;
                int g = (y * 255 / height + random.nextInt(40)) & 0xFF;
                int b = random.nextInt(256);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, param, List.of(new IIOImage(image, null, null)));
    }

    /** A progressive JPEG (the JDK's default scan script: spectral selection and successive approximation). */
    static byte[] progressiveJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return write(writer, param, List.of(new IIOImage(image, null, null)));
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " and image type " + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multi-image file (GIF frames, TIFF pages) in the order given. */
    static byte[] sequence(String format, List<BufferedImage> images) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.canWriteSequence()) {
                return write(writer, writer.getDefaultWriteParam(),
                        images.stream().map(image -> new IIOImage(image, null, null)).toList());
            }
        }
        throw new IllegalStateException("no " + format + " writer can write sequences");
    }

    private static byte[] write(ImageWriter writer, ImageWriteParam param, List<IIOImage> images) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            if (images.size() == 1) {
                writer.write(null, images.get(0), param);
            } else {
                writer.prepareWriteSequence(null);
                for (IIOImage image : images) {
                    writer.writeToSequence(image, param);
                }
                writer.endWriteSequence();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static Path save(Path folder, String name, byte[] bytes) {
        try {
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quadrant colour nearest to {@code rgb}, so lossy codecs can be judged without fragile exact values. */
    static int nearestQuadrantColour(int rgb) {
        int best = QUADRANT_COLOURS.get(0);
        long bestDistance = Long.MAX_VALUE;
        for (int colour : QUADRANT_COLOURS) {
            long distance = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                long difference = ((rgb >> shift) & 0xFF) - ((colour >> shift) & 0xFF);
                distance += difference * difference;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = colour;
            }
        }
        return best;
    }

    static String name(int rgb) {
        return switch (rgb) {
            case RED -> "red";
            case GREEN -> "green";
            case BLUE -> "blue";
            case WHITE -> "white";
            default -> String.format("#%06x", rgb);
        };
    }
}
