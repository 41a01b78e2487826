package ai.haski.desktop.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A JPEG opened by ImageIO that TurboJPEG decodes first, at a DCT scale; when TurboJPEG declines (see
 * {@link TurboJpegDecoder}) the ImageIO reader decodes it, so errors keep their codes and messages.
 */
final class TurboJpegImage implements OpenedImage {
    private static final DecoderCapabilities CAPABILITIES = new DecoderCapabilities(true, true, false);

    private final Path file;
    private final TurboJpegDecoder turboJpeg;
    private final OpenedImage imageIo;

    TurboJpegImage(Path file, TurboJpegDecoder turboJpeg, OpenedImage imageIo) {
        this.file = file;
        this.turboJpeg = turboJpeg;
        this.imageIo = imageIo;
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
        return CAPABILITIES;
    }

    @Override
    public DecodedPixels decode(int minWidth, int minHeight) throws ImageDecodeException {
        Optional<TurboJpegDecoder.Scaled> fast;
        try {
            fast = turboJpeg.decode(file, storedWidth(), storedHeight(), minWidth, minHeight);
        } catch (OutOfMemoryError e) {
            throw DecodeFailures.outOfMemory(file, storedWidth(), storedHeight(), e);
        }
        if (fast.isPresent()) {
            return DecodedPixels.srgb(fast.get().image(), fast.get().denominator(), DecodedImage.TURBOJPEG);
        }
        return imageIo.decode(minWidth, minHeight);
    }

    @Override
    public void close() {
        imageIo.close();
    }
}
