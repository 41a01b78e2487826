package ai.haski.desktop.image;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.stream.ImageInputStream;

/**
 * Opens HEIC/HEIF and AVIF files with libheif: reads the whole file into native memory, parses its boxes and takes
 * the primary image's handle, whose size (after the file's rotation and crop) is checked against the limits before
 * anything is decoded.
 */
final class HeifDecoder implements ImageDecoder {
    /** Phones write a few MB per photo; a larger file is refused rather than held in memory whole. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private final HeifApi api;
    private final ImageLimits limits;
    private final String format;

    /** @param format "heif" or "avif", as {@link HeifBrands} recognised the file */
    HeifDecoder(HeifApi api, ImageLimits limits, String format) {
        this.api = api;
        this.limits = limits;
        this.format = format;
    }

    @Override
    public OpenedImage open(Path file, ImageInputStream input) throws ImageDecodeException {
        Memory bytes = read(file);
        Pointer context = api.heif_context_alloc();
        if (context == null) {
            bytes.close();
            throw DecodeFailures.outOfMemory(file, 0, 0, null);
        }
        Pointer handle;
        try {
            // libheif's own limit is on the side (and its square on the area); ours on the area comes next.
            api.heif_context_set_maximum_image_size_limit(context, limits.maxSide());
            HeifApi.HeifError read = api.heif_context_read_from_memory_without_copy(context, bytes, bytes.size(), null);
            if (read.code != HeifApi.OK) {
                throw DecodeFailures.heif(file, format, "reading its structure", read);
            }
            PointerByReference primary = new PointerByReference();
            HeifApi.HeifError found = api.heif_context_get_primary_image_handle(context, primary);
            if (found.code != HeifApi.OK) {
                throw DecodeFailures.heif(file, format, "finding its primary image", found);
            }
            handle = primary.getValue();
        } catch (ImageDecodeException | RuntimeException | Error e) {
            api.heif_context_free(context);
            bytes.close();
            throw e;
        }
        // From here the image owns the context, the handle and the bytes: closing it frees each once.
        HeifImage image = new HeifImage(api, file, format, bytes, context, handle);
        try {
            checkCodedSize(file, image);
            return image;
        } catch (ImageDecodeException | RuntimeException | Error e) {
            image.close();
            throw e;
        }
    }

    /** The coded size before cropping can be far larger than the picture: it is what the decoder allocates. */
    private void checkCodedSize(Path file, HeifImage image) throws ImageDecodeException {
        int width = image.codedWidth();
        int height = image.codedHeight();
        if ((long) width * height > limits.maxPixels()) {
            throw DecodeFailures.tooManyPixels(file, width, height, limits);
        }
    }

    private Memory read(Path file) throws ImageDecodeException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_FILE_BYTES) {
                throw DecodeFailures.fileTooLarge(file, size, MAX_FILE_BYTES);
            }
            Memory memory = new Memory(Math.max(1, size));
            ByteBuffer view = memory.getByteBuffer(0, size);
            while (view.hasRemaining()) {
                if (channel.read(view) < 0) {
                    memory.close();
                    throw DecodeFailures.incomplete(file, "it became shorter while being read");
                }
            }
            return memory;
        } catch (IOException e) {
            throw ImageFileAccess.openFailure(file, e);
        }
    }
}
