package ai.haski.desktop.ui.photo;

import java.util.Optional;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;

/** Reads the pixels of a JavaFX image (from the clipboard or a drag) into the toolkit-free {@link ArgbPixels}. */
public final class FxPictures {
    private FxPictures() {}

    /** The image's pixels; empty when it failed to load or has no readable pixels. */
    public static Optional<ArgbPixels> pixelsOf(Image image) {
        if (image == null || image.isError() || image.getWidth() < 1 || image.getHeight() < 1) {
            return Optional.empty();
        }
        PixelReader reader = image.getPixelReader();
        if (reader == null) {
            return Optional.empty();
        }
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        reader.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return Optional.of(new ArgbPixels(width, height, argb));
    }
}
