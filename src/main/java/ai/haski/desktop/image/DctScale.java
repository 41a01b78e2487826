package ai.haski.desktop.image;

/**
 * Picks the DCT scaling of a TurboJPEG decode: 1/1, 1/2, 1/4 or 1/8, the smallest picture that still leaves every
 * side at least {@value #SAFETY_MARGIN} times the size it will be resized to.
 *
 * <p>A DCT-scaled decode keeps the low frequencies of each 8x8 block (at 1/8 exactly its mean), so unlike ImageIO's
 * point subsampling ({@link SourceSubsampling}, margin 5) it leaves little aliasing; what remains is that the resize
 * then sees blocks, not pixels, at the edges of each output pixel. Measured with the reference model against the
 * full-size ImageIO decode and the same resize (largest probability change; 0.01 is the promise that
 * {@code FastDecodeQualityTest} checks): the 12 MP phone photo at 1/8 (margin 1.67) 0.016, at 1/4 (3.35) 0.0037,
 * at 1/2 (6.7) 0.0009; the 1024 x 768 phone photo at 1/2 (1.71) 0.016; the retina photo at 1/4 (1.58) 0.0093 and at
 * 1/2 (3.15) 0.0089. A margin under 2 breaks the promise on two of three photos; 3 keeps every measured case within
 * it. So a 12 MP photo for a 224 x 224 model decodes at 1/4 (1000 x 750).
 */
final class DctScale {
    static final double SAFETY_MARGIN = 3;
    private static final int[] DENOMINATORS = {8, 4, 2};

    private DctScale() {}

    /**
     * @param width     stored width of the JPEG
     * @param height    stored height of the JPEG
     * @param minWidth  the width the result will be resized to, in the same (stored) orientation
     * @param minHeight the height the result will be resized to, in the same (stored) orientation
     * @return the denominator: 1, 2, 4 or 8
     */
    static int denominator(int width, int height, int minWidth, int minHeight) {
        for (int denominator : DENOMINATORS) {
            if (scaled(width, denominator) >= SAFETY_MARGIN * minWidth
                    && scaled(height, denominator) >= SAFETY_MARGIN * minHeight) {
                return denominator;
            }
        }
        return 1;
    }

    /** The side libjpeg-turbo produces at 1/{@code denominator}: rounded up, as its TJSCALED macro does. */
    static int scaled(int size, int denominator) {
        return (int) ((size + (long) denominator - 1) / denominator);
    }
}
