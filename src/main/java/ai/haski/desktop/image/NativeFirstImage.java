package ai.haski.desktop.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file opened by ImageIO that a native fast path decodes first (TurboJPEG for plain JPEGs, libpng for plain
 * PNGs); when the fast path declines, the ImageIO reader decodes it, so errors keep their codes and messages.
 */
final class NativeFirstImage implements OpenedImage {
    /** A fast path's decode in stored orientation and sRGB, or empty to leave the file to ImageIO. */
    interface FastPath {
        Optional<DecodedPixels> decode(int storedWidth, int storedHeight, int minWidth, int minHeight);
    }

    private final Path file;
    private final OpenedImage imageIo;
    private final DecoderCapabilities capabilities;
    private final FastPath fastPath;

    private NativeFirstImage(Path file, OpenedImage imageIo, DecoderCapabilities capabilities, FastPath fastPath) {
        this.file = file;
        this.imageIo = imageIo;
        this.capabilities = capabilities;
        this.fastPath = fastPath;
    }

    /** A JPEG that TurboJPEG decodes at a DCT scale, turning a wide-gamut profile into sRGB after scaling. */
    static NativeFirstImage turboJpeg(Path file, TurboJpegDecoder turboJpeg, OpenedImage imageIo) {
        return new NativeFirstImage(file, imageIo, new DecoderCapabilities(true, true, false),
                (width, height, minWidth, minHeight) -> turboJpeg.decode(file, width, height, minWidth, minHeight)
                        .map(fast -> DecodedPixels.srgb(fast.image(), fast.denominator(), DecodedImage.TURBOJPEG)));
    }

    /**
     * A PNG that libpng decodes whole. It takes only the PNGs ImageIO would read whole too ({@link SourceSubsampling}
     * 1): larger ones keep ImageIO's subsampled read and its picture.
     */
    static NativeFirstImage libpng(Path file, LibpngDecoder libpng, OpenedImage imageIo) {
        return new NativeFirstImage(file, imageIo, new DecoderCapabilities(false, true, false),
                (width, height, minWidth, minHeight) -> SourceSubsampling.factor(width, height, minWidth, minHeight) > 1
                        ? Optional.empty()
                        : libpng.decode(file, width, height)
                                .map(picture -> DecodedPixels.srgb(picture, 1, DecodedImage.LIBPNG)));
    }

    @Override
    public String format() {
        return imageIo.format();
    }

    @Override
    public int storedWidth() {
        return imageIo.storedWidth();
    }

    @Override
    public int storedHeight() {
        return imageIo.storedHeight();
    }

    @Override
    public DecoderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public DecodedPixels decode(int minWidth, int minHeight) throws ImageDecodeException {
        Optional<DecodedPixels> fast;
        try {
            fast = fastPath.decode(storedWidth(), storedHeight(), minWidth, minHeight);
        } catch (OutOfMemoryError e) {
            throw DecodeFailures.outOfMemory(file, storedWidth(), storedHeight(), e);
        }
        return fast.isPresent() ? fast.get() : imageIo.decode(minWidth, minHeight);
    }

    @Override
    public void close() {
        imageIo.close();
    }
}
