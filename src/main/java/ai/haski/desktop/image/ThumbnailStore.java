package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes photos' thumbnails from a subsampled decode and keeps them as small PNG files in a cache folder, named by
 * the photo's path, size and modification time, so that an edited photo gets a new thumbnail and an unchanged one is
 * never decoded twice. Safe to share between threads; a cache that cannot be written only costs decodes.
 */
public final class ThumbnailStore {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailStore.class);

    private final ImageLoader loader;
    private final Path folder;
    private final int side;

    /**
     * @param folder where the thumbnail files go (created when first needed)
     * @param side the longest side of a thumbnail, in pixels
     */
    public ThumbnailStore(ImageLoader loader, Path folder, int side) {
        if (side < 8 || side > 1024) {
            throw new IllegalArgumentException("a thumbnail side must be 8 to 1024 pixels, got " + side);
        }
        this.loader = loader;
        this.folder = folder;
        this.side = side;
    }

    public int side() {
        return side;
    }

    /**
     * The photo's thumbnail, from the cache folder when it holds one for this version of the file, else decoded now
     * and saved there. Blocking; call it from a worker thread.
     *
     * @throws ImageDecodeException with a message for the user when the photo cannot be read
     */
    public Thumbnail thumbnail(Path photo) throws ImageDecodeException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(photo, BasicFileAttributes.class);
        } catch (IOException e) {
            // The loader turns a missing or unreadable file into the same message the rest of the app gives.
            return make(photo);
        }
        Path cached = cacheFile(photo, attributes.size(), attributes.lastModifiedTime().toMillis());
        Thumbnail stored = read(cached);
        if (stored != null) {
            return stored;
        }
        Thumbnail made = make(photo);
        write(cached, made);
        return made;
    }

    /** The cache file for one version of a photo: a hash, so that no part of the path shows in the name. */
    Path cacheFile(Path photo, long size, long modifiedMillis) {
        String key = photo.toAbsolutePath().normalize() + "\n" + size + "\n" + modifiedMillis + "\n" + side;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String name = HexFormat.of().formatHex(hash, 0, 20);
            return folder.resolve(name.substring(0, 2)).resolve(name + ".png");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Thumbnail make(Path photo) throws ImageDecodeException {
        // The loader keeps five times the target per side; half the side is plenty for a picture this small.
        int target = Math.max(1, side / 2);
        DecodedImage decoded = loader.load(photo, target, target);
        return ThumbnailScaler.fit(decoded.image(), side);
    }

    private static Thumbnail read(Path cached) {
        if (!Files.isRegularFile(cached)) {
            return null;
        }
        try {
            BufferedImage image = ImageIO.read(cached.toFile());
            if (image != null) {
                return ThumbnailScaler.fit(image, Math.max(image.getWidth(), image.getHeight()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("A cached thumbnail could not be read; it is made again", e);
        }
        return null;
    }

    private static void write(Path cached, Thumbnail thumbnail) {
        Path temporary = null;
        try {
            Files.createDirectories(cached.getParent());
            temporary = Files.createTempFile(cached.getParent(), ".thumb", ".tmp");
            if (!ImageIO.write(ThumbnailScaler.toRgb(thumbnail), "png", temporary.toFile())) {
                throw new IOException("no PNG writer");
            }
            // Rename, so that a reader never sees half a file when two workers make the same thumbnail.
            try {
                Files.move(temporary, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("A thumbnail could not be cached in {}", cached.getParent(), e);
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // A leftover temporary file in the cache folder harms nothing.
                }
            }
        }
    }
}
