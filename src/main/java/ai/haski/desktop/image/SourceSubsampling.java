package ai.haski.desktop.image;

/**
 * Picks how many stored pixels to skip per decoded pixel, so a large photo is never held at full size just to be
 * shrunk to a model's input.
 *
 * <p>The rule: the largest whole factor that still leaves every decoded side at least twice the size it will be
 * resized to. Subsampling drops pixels (it does not average them), so the margin lets the later area-averaging resize
 * smooth away most of the aliasing: a 4000 x 3000 photo for a 224 x 224 model decodes at factor 6, to 667 x 500.
 */
final class SourceSubsampling {
    static final int SAFETY_MARGIN = 2;

    private SourceSubsampling() {}

    /**
     * @param width     stored width of the image
     * @param height    stored height of the image
     * @param minWidth  the width the result will be resized to, in the same (stored) orientation
     * @param minHeight the height the result will be resized to, in the same (stored) orientation
     */
    static int factor(int width, int height, int minWidth, int minHeight) {
        long byWidth = width / (SAFETY_MARGIN * (long) minWidth);
        long byHeight = height / (SAFETY_MARGIN * (long) minHeight);
        return (int) Math.max(1, Math.min(byWidth, byHeight));
    }
}
