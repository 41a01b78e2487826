package ai.haski.desktop.ui.main;

import ai.haski.desktop.ui.photo.ArgbPixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.imageio.ImageIO;

/**
 * Saves an image that came without a file (pasted, or dragged from a browser) as a PNG in the per-user cache, so
 * that it is analysed exactly like a photo from disk and the result can name a real file.
 */
final class PastedImages {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path folder;

    PastedImages(Path folder) {
        this.folder = folder;
    }

    /** Writes the pixels losslessly and returns the new file. */
    Path save(ArgbPixels pixels) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("pasted-" + LocalDateTime.now().format(STAMP) + ".png");
        if (!ImageIO.write(pixels.toBufferedImage(), "png", file.toFile())) {
            throw new IOException("no PNG writer is available");
        }
        return file;
    }
}
