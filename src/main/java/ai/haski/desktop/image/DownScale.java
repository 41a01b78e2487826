package ai.haski.desktop.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Shrinks decoded pictures for the screen and for thumbnails. */
public final class DownScale {
    private DownScale() {}

    /**
     * The picture as {@code TYPE_INT_RGB}, shrunk so that its long side is at most {@code maxSide}, halving at most
     * per step: one bilinear step from 4000 to 1000 pixels would skip three of every four and alias like plain
     * subsampling. A picture that already fits and is {@code TYPE_INT_RGB} is returned as it is.
     */
    public static BufferedImage fitWithin(BufferedImage image, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage current = image;
        while (current.getWidth() != targetWidth || current.getHeight() != targetHeight
                || current.getType() != BufferedImage.TYPE_INT_RGB) {
            int width = Math.max(targetWidth, current.getWidth() / 2);
            int height = Math.max(targetHeight, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }
}
