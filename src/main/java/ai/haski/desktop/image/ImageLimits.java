package ai.haski.desktop.image;

/**
 * The largest image the loader agrees to decode, checked against the file's header before any pixels are allocated.
 *
 * @param maxPixels width times height of the stored image, at most
 * @param maxSide   the longer side, at most; 65500 stays inside what JPEG can declare and what Java rasters can hold
 */
public record ImageLimits(long maxPixels, int maxSide) {
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    public static final int DEFAULT_MAX_SIDE = 65_500;
    public static final ImageLimits DEFAULT = new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);

    public ImageLimits {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (maxSide <= 0) {
            throw new IllegalArgumentException("maxSide must be positive, got " + maxSide);
        }
    }

    /** The default side limit with a pixel limit given in megapixels (millions of pixels), as the CLI flag takes it. */
    public static ImageLimits ofMegapixels(double megapixels) {
        if (!(megapixels > 0) || Double.isInfinite(megapixels)) {
            throw new IllegalArgumentException("megapixels must be a positive number, got " + megapixels);
        }
        return new ImageLimits(Math.max(1L, Math.round(megapixels * 1_000_000d)), DEFAULT_MAX_SIDE);
    }

    /** The pixel limit in megapixels, written the way a user would type it back into {@code --max-megapixels}. */
    public String maxMegapixelsText() {
        return java.math.BigDecimal.valueOf(maxPixels).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /** An image's megapixels with up to four significant digits and no trailing zeros: 900, 12.35, 0.001. */
    static String formatMegapixels(long pixels) {
        return new java.math.BigDecimal(pixels).movePointLeft(6)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }
}
