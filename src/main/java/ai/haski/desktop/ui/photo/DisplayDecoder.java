package ai.haski.desktop.ui.photo;

import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.DownScale;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Decodes a photo for display: upright, at most {@value #MAX_SIDE} pixels on its long side, on a worker thread. */
public final class DisplayDecoder {
    /**
     * The loader keeps a few times this on each side (its margin is the model's concern), so a shown photo keeps
     * at least 1280 pixels on its shorter side: sharp when fitted to a large window.
     */
    static final int TARGET_SIDE = 640;
    /**
     * What the screen gets at most: sharp when fitted to a QHD window, and a 12 MP photo costs the UI thread 5 MP
     * of pixels to upload instead of 12.
     */
    static final int MAX_SIDE = 2560;

    private final ImageLoader loader;

    public DisplayDecoder(ImageLoader loader) {
        this.loader = loader;
    }

    /** Decodes {@code file}; the exception's message is written for the user. */
    public DisplayPicture decode(Path file) throws ImageDecodeException {
        DecodedImage decoded = loader.load(file, TARGET_SIDE, TARGET_SIDE);
        BufferedImage shown = DownScale.fitWithin(decoded.image(), MAX_SIDE);
        return new DisplayPicture(ArgbPixels.fromRgb(shown), decoded.originalWidth(), decoded.originalHeight(),
                decoded.format());
    }
}
