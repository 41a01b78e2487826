package ai.haski.desktop.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Shrinks a decoded picture to fit a square, halving at most per step: one bilinear step from 800 to 160 pixels
 * would skip most of them and alias like plain subsampling.
 */
final class ThumbnailScaler {
    private ThumbnailScaler() {}

    static Thumbnail fit(BufferedImage rgb, int side) {
        double scale = Math.min(1.0, (double) side / Math.max(rgb.getWidth(), rgb.getHeight()));
        int targetWidth = Math.max(1, (int) Math.round(rgb.getWidth() * scale));
        int targetHeight = Math.max(1, (int) Math.round(rgb.getHeight() * scale));
        BufferedImage current = rgb;
        while (current.getWidth() != targetWidth || current.getHeight() != targetHeight
                || current.getType() != BufferedImage.TYPE_INT_RGB) {
            int width = Math.max(targetWidth, current.getWidth() / 2);
            int height = Math.max(targetHeight, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
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
