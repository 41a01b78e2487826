package ai.haski.desktop.image;

/** Which decoder an {@link ImageLoader} uses for JPEG files. */
public enum JpegDecoding {
    /**
     * TurboJPEG's DCT-scaled decode for plain JPEGs when the library is present and not switched off
     * ({@code -Dhaski.turbojpeg=off}); ImageIO for every other file.
     */
    TURBOJPEG_WHEN_AVAILABLE,
    /** ImageIO for every file: the reference decode that the fast path is measured against. */
    IMAGEIO_ONLY
}
