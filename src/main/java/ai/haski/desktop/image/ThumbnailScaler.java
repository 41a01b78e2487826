package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Shrinks a decoded picture to fit a square ({@link DownScale}) and keeps its pixels as opaque ARGB.
 */
final class ThumbnailScaler {
    private ThumbnailScaler() {}

    static Thumbnail fit(BufferedImage rgb, int side) {
        BufferedImage current = DownScale.fitWithin(rgb, side);
        int targetWidth = current.getWidth();
        int targetHeight = current.getHeight();
        int[] source = ((DataBufferInt) current.getRaster().getDataBuffer()).getData();
        int[] argb = new int[targetWidth * targetHeight];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | source[i];
        }
        return new Thumbnail(targetWidth, targetHeight, argb);
    }

    static BufferedImage toRgb(Thumbnail thumbnail) {
        BufferedImage image = new BufferedImage(thumbnail.width(), thumbnail.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, thumbnail.width(), thumbnail.height(), thumbnail.argb(), 0, thumbnail.width());
        return image;
    }
}
