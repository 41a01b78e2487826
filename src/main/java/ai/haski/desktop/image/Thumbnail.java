package ai.haski.desktop.image;

/**
 * A small upright picture of a photo as opaque 32-bit ARGB pixels, row by row: what the review grid shows for it.
 */
public record Thumbnail(int width, int height, int[] argb) {

    public Thumbnail {
        if (width <= 0 || height <= 0 || argb.length != Math.multiplyExact(width, height)) {
            throw new IllegalArgumentException("need width x height pixels, got " + width + " x " + height
                    + " and " + argb.length + " values");
        }
    }

    /** The memory its pixels take, for caches that cap bytes rather than counts. */
    public long bytes() {
        return 4L * argb.length + 16;
    }
}
