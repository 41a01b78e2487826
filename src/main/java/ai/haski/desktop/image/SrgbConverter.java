package ai.haski.desktop.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Turns whatever a decoder returned (gray, palette, 16-bit, CMYK already converted by the codec, alpha) into an opaque
 * 8-bit sRGB {@code TYPE_INT_RGB} image, compositing transparency over white.
 */
final class SrgbConverter {
    private SrgbConverter() {}

    static BufferedImage toIntRgb(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        if (isIntegerGray(source.getColorModel())) {
            return grayToIntRgb(source);
        }
        return drawOverWhite(source);
    }

    /**
     * Gray gets its own path because Java2D treats gray colour spaces as linear light, so {@code getRGB} turns a
     * stored 128 into 188, and drawing 16-bit gray truncates instead of rounding. Like common viewers and training
     * pipelines, we take gray values as already gamma encoded and only rescale the bit depth, with rounding.
     */
    private static boolean isIntegerGray(ColorModel model) {
        if (!(model instanceof ComponentColorModel)
                || model.getColorSpace().getType() != ColorSpace.TYPE_GRAY
                || model.isAlphaPremultiplied()) {
            return false;
        }
        int transferType = model.getTransferType();
        boolean integerSamples = transferType == DataBuffer.TYPE_BYTE
                || transferType == DataBuffer.TYPE_USHORT
                || transferType == DataBuffer.TYPE_INT;
        // Up to 16 bits keeps the compositing arithmetic below inside a long.
        boolean atMost16Bits = Arrays.stream(model.getComponentSize()).allMatch(bits -> bits <= 16);
        return integerSamples && atMost16Bits && model.getNumComponents() == (model.hasAlpha() ? 2 : 1);
    }

    private static BufferedImage grayToIntRgb(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        ColorModel model = source.getColorModel();
        long grayMax = (1L << model.getComponentSize(0)) - 1;
        long alphaMax = model.hasAlpha() ? (1L << model.getComponentSize(1)) - 1 : 1;
        Raster raster = source.getRaster();
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        int[] gray = new int[width];
        int[] alpha = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, gray);
            if (model.hasAlpha()) {
                raster.getSamples(0, y, width, 1, 1, alpha);
            }
            for (int x = 0; x < width; x++) {
                long value = Integer.toUnsignedLong(gray[x]);
                int level;
                if (model.hasAlpha()) {
                    long a = Integer.toUnsignedLong(alpha[x]);
                    // Over white, with both factors kept at full precision and one rounding at the end.
                    long numerator = value * a * 255 + 255 * grayMax * (alphaMax - a);
                    long denominator = grayMax * alphaMax;
                    level = (int) ((numerator + denominator / 2) / denominator);
                } else {
                    level = (int) ((value * 255 + grayMax / 2) / grayMax);
                }
                pixels[y * width + x] = level << 16 | level << 8 | level;
            }
        }
        return target;
    }

    /** Java2D handles palettes, ICC profiles, 16-bit and float samples; painting onto white composites alpha. */
    private static BufferedImage drawOverWhite(BufferedImage source) {
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, source.getWidth(), source.getHeight());
            graphics.drawImage(source, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }
}
