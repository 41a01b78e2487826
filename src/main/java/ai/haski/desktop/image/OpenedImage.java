package ai.haski.desktop.image;

/**
 * A file whose header one decoder has read: its format and stored size are known, its pixels not yet decoded, so
 * that {@link ImageLoader} can check the size against the limits before any pixel memory is taken.
 *
 * <p>Holds the decoder's resources (an ImageIO reader, a native context) until closed.
 */
interface OpenedImage extends AutoCloseable {
    /** Our short format name: "jpeg", "png", "bmp", "gif", "tiff", "webp", ... */
    String format();

    /** Width of the picture the decoder will produce at full size (upright already when it applies orientation). */
    int storedWidth();

    /** Height of the picture the decoder will produce at full size. */
    int storedHeight();

    DecoderCapabilities capabilities();

    /**
     * Decodes the pixels, no smaller than the given size when the decoder can scale (sizes in the decoder's own
     * orientation, that is stored, or upright when it applies orientation).
     */
    DecodedPixels decode(int minWidth, int minHeight) throws ImageDecodeException;

    /** Frees the decoder's resources; never throws. */
    @Override
    void close();
}
