package ai.haski.desktop.ui.photo;

import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import java.nio.file.Path;

/** Decodes a photo for display: upright, and subsampled when large, on a worker thread. */
public final class DisplayDecoder {
    /**
     * The loader keeps at least twice this on each side, so a shown photo keeps at least 1280 pixels on its
     * shorter side (sharp when fitted to a 4K window) while a 12 MP phone photo decodes at half size, 2000 x 1500,
     * a quarter of the memory and time of a full decode.
     */
    static final int TARGET_SIDE = 640;

    private final ImageLoader loader;

    public DisplayDecoder(ImageLoader loader) {
        this.loader = loader;
    }

    /** Decodes {@code file}; the exception's message is written for the user. */
    public DisplayPicture decode(Path file) throws ImageDecodeException {
        DecodedImage decoded = loader.load(file, TARGET_SIDE, TARGET_SIDE);
        return new DisplayPicture(ArgbPixels.fromRgb(decoded.image()), decoded.originalWidth(),
                decoded.originalHeight(), decoded.format());
    }
}
