package ai.haski.desktop.ui.photo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A picture as 32-bit ARGB pixels, row by row: the toolkit-free form in which pictures travel between
 * ViewModels (which must not touch JavaFX images) and Views.
 */
public record ArgbPixels(int width, int height, int[] argb) {

    public ArgbPixels {
        if (width <= 0 || height <= 0 || argb.length != Math.multiplyExact(width, height)) {
            throw new IllegalArgumentException("need width x height pixels, got " + width + " x " + height
                    + " and " + argb.length + " values");
        }
    }

    /** The pixels of an RGB picture, made opaque (TYPE_INT_RGB leaves the alpha byte at zero). */
    public static ArgbPixels fromRgb(BufferedImage rgb) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] argb;
        if (rgb.getType() == BufferedImage.TYPE_INT_RGB
                && rgb.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1 && buffer.getData().length == width * height) {
            int[] source = buffer.getData();
            argb = new int[source.length];
            for (int i = 0; i < source.length; i++) {
                argb[i] = 0xFF000000 | source[i];
            }
        } else {
            argb = rgb.getRGB(0, 0, width, height, null, 0, width);
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xFF000000;
            }
        }
        return new ArgbPixels(width, height, argb);
    }

    /** These pixels as an image ImageIO can write (PNG keeps every value exactly). */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }
}
