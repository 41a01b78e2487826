package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A PNG opened by ImageIO that libpng decodes first (see {@link LibpngDecoder}); when libpng declines, the ImageIO
 * reader decodes it, so errors keep their codes and messages. libpng decodes every pixel, so it takes only the PNGs
 * ImageIO would read whole too ({@link SourceSubsampling} 1): larger ones keep ImageIO's subsampled read and its
 * picture.
 */
final class LibpngImage implements OpenedImage {
    private static final DecoderCapabilities CAPABILITIES = new DecoderCapabilities(false, true, false);

    private final Path file;
    private final LibpngDecoder libpng;
    private final OpenedImage imageIo;

    LibpngImage(Path file, LibpngDecoder libpng, OpenedImage imageIo) {
        this.file = file;
        this.libpng = libpng;
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
        Optional<BufferedImage> fast = Optional.empty();
        try {
            if (SourceSubsampling.factor(storedWidth(), storedHeight(), minWidth, minHeight) == 1) {
                fast = libpng.decode(file, storedWidth(), storedHeight());
            }
        } catch (OutOfMemoryError e) {
            throw DecodeFailures.outOfMemory(file, storedWidth(), storedHeight(), e);
        }
        if (fast.isPresent()) {
            return DecodedPixels.srgb(fast.get(), 1, DecodedImage.LIBPNG);
        }
        return imageIo.decode(minWidth, minHeight);
    }

    @Override
    public void close() {
        imageIo.close();
    }
}
