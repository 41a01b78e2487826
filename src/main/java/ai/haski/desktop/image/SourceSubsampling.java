package ai.haski.desktop.image;

/**
 * Picks how many stored pixels to skip per decoded pixel, so a large photo is never held at full size just to be
 * shrunk to a model's input.
 *
 * <p>The rule: the largest whole factor that still leaves every decoded side at least five times the size it will
 * be resized to. Subsampling drops pixels (it does not average them), and the aliasing it leaves behind reaches the
 * model: on the 12 MP phone photo of the test corpus, a margin of 2 (factor 6) moved a probability of the reference
 * model by 0.037, a margin of 4 (factor 3) by 0.014; a margin of 5 (factor 2, 2000 x 1500) keeps every probability
 * within the 0.01 the fast path promises ({@code FastDecodeQualityTest}). The JDK's JPEG decoder runs the full
 * inverse DCT whatever the factor, so a smaller factor costs little decode time; its gain is memory. Plain JPEGs
 * skip this when TurboJPEG is available: {@link DctScale} decodes them at a DCT scale instead.
 */
final class SourceSubsampling {
    static final int SAFETY_MARGIN = 5;

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
