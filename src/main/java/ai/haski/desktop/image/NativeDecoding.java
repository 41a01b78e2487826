package ai.haski.desktop.image;

/** Whether an {@link ImageLoader} uses the native fast decoders or ImageIO alone. */
public enum NativeDecoding {
    /**
     * TurboJPEG's DCT-scaled decode for plain JPEGs and libpng for plain PNGs, each when its library is present and
     * not switched off ({@code -Dhaski.turbojpeg=off}, {@code -Dhaski.libpng=off}); ImageIO for every other file.
     */
    NATIVE_WHEN_AVAILABLE,
    /** ImageIO for every file: the reference decode that the fast paths are measured against. */
    IMAGEIO_ONLY
}
