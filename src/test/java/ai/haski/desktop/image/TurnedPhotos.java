package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;

/** Photos stored turned, with the EXIF orientation that turns them upright again, for tests outside this package. */
public final class TurnedPhotos {
    private TurnedPhotos() {}

    /**
     * {@code upright} stored turned a quarter clockwise, as a PNG whose EXIF orientation (8: turn a quarter
     * anticlockwise to display) makes a reader show {@code upright} again.
     */
    public static byte[] storedClockwisePng(BufferedImage upright) {
        int width = upright.getWidth();
        int height = upright.getHeight();
        BufferedImage stored = new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                stored.setRGB(height - 1 - y, x, upright.getRGB(x, y));
            }
        }
        byte[] png = TestImages.encode(stored, "png");
        return PngChunks.insertAfterHeader(png, PngChunks.chunk("eXIf", ExifBytes.orientationOnly(8,
                ByteOrder.BIG_ENDIAN)));
    }
}
