package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Optional;

/**
 * The eight EXIF orientations, each with the transform that turns the stored pixels into the picture as the camera
 * holder saw it.
 */
public enum ExifOrientation {
    NORMAL(1, false, false, false),
    MIRROR_HORIZONTAL(2, false, true, false),
    ROTATE_180(3, false, true, true),
    MIRROR_VERTICAL(4, false, false, true),
    TRANSPOSE(5, true, false, false),
    ROTATE_90_CW(6, true, true, false),
    TRANSVERSE(7, true, true, true),
    ROTATE_270_CW(8, true, false, true);

    private final int tagValue;
    // Every orientation is an optional swap of the axes followed by optional flips of the upright axes:
    // a stored pixel (x, y) lands at (u, v) = swap ? (y, x) : (x, y), then u and/or v are mirrored.
    private final boolean swapsAxes;
    private final boolean flipsUprightX;
    private final boolean flipsUprightY;

    ExifOrientation(int tagValue, boolean swapsAxes, boolean flipsUprightX, boolean flipsUprightY) {
        this.tagValue = tagValue;
        this.swapsAxes = swapsAxes;
        this.flipsUprightX = flipsUprightX;
        this.flipsUprightY = flipsUprightY;
    }

    /** The value of EXIF tag 0x0112 (274) that means this orientation. */
    public int tagValue() {
        return tagValue;
    }

    /** Whether the upright picture is the stored one turned on its side, so its width is the stored height. */
    public boolean swapsAxes() {
        return swapsAxes;
    }

    /** The orientation for an EXIF tag value; empty for anything outside 1 to 8. */
    public static Optional<ExifOrientation> fromTagValue(int tagValue) {
        for (ExifOrientation orientation : values()) {
            if (orientation.tagValue == tagValue) {
                return Optional.of(orientation);
            }
        }
        return Optional.empty();
    }

    /**
     * The upright picture as a new {@code TYPE_INT_RGB} image; {@link #NORMAL} returns {@code stored} itself.
     *
     * @param stored the pixels in file order, {@code TYPE_INT_RGB}
     */
    public BufferedImage apply(BufferedImage stored) {
        if (stored.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected a TYPE_INT_RGB image, got type " + stored.getType());
        }
        if (this == NORMAL) {
            return stored;
        }
        int storedWidth = stored.getWidth();
        int storedHeight = stored.getHeight();
        int uprightWidth = swapsAxes ? storedHeight : storedWidth;
        int uprightHeight = swapsAxes ? storedWidth : storedHeight;
        BufferedImage upright = new BufferedImage(uprightWidth, uprightHeight, BufferedImage.TYPE_INT_RGB);
        // A freshly made TYPE_INT_RGB image has one int per pixel, row after row, with no offset.
        int[] target = ((DataBufferInt) upright.getRaster().getDataBuffer()).getData();
        int[] row = new int[storedWidth];
        for (int y = 0; y < storedHeight; y++) {
            stored.getRaster().getDataElements(0, y, storedWidth, 1, row);
            for (int x = 0; x < storedWidth; x++) {
                int u = swapsAxes ? y : x;
                int v = swapsAxes ? x : y;
                if (flipsUprightX) {
                    u = uprightWidth - 1 - u;
                }
                if (flipsUprightY) {
                    v = uprightHeight - 1 - v;
                }
                target[v * uprightWidth + u] = row[x];
            }
        }
        return upright;
    }
}
