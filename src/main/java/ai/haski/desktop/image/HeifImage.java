package ai.haski.desktop.image;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The primary image of a HEIF or AVIF file, opened by libheif: decoded once, with the file's rotation, mirror and
 * crop applied by libheif, grid tiles joined, any bit depth turned into 8 bits, and every n-th pixel kept to
 * approach the size the caller needs. Owns the native context and the file's bytes until closed.
 */
final class HeifImage implements OpenedImage {
    // libheif applies irot/imir/clap itself; the colour profile is handed on for the loader to convert.
    private static final DecoderCapabilities CAPABILITIES = new DecoderCapabilities(false, false, true);

    private final HeifApi api;
    private final Path file;
    private final String format;
    private final Memory bytes;
    private final Pointer context;
    private final Pointer handle;
    private final int width;
    private final int height;
    private boolean closed;

    HeifImage(HeifApi api, Path file, String format, Memory bytes, Pointer context, Pointer handle) {
        this.api = api;
        this.file = file;
        this.format = format;
        this.bytes = bytes;
        this.context = context;
        this.handle = handle;
        this.width = api.heif_image_handle_get_width(handle);
        this.height = api.heif_image_handle_get_height(handle);
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public int storedWidth() {
        return width;
    }

    @Override
    public int storedHeight() {
        return height;
    }

    /** The coded width from the {@code ispe} box, before rotation and crop. */
    int codedWidth() {
        return api.heif_image_handle_get_ispe_width(handle);
    }

    int codedHeight() {
        return api.heif_image_handle_get_ispe_height(handle);
    }

    @Override
    public DecoderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DecodedPixels decode(int minWidth, int minHeight) throws ImageDecodeException {
        boolean alpha = api.heif_image_handle_has_alpha_channel(handle) != 0;
        List<String> warnings = new ArrayList<>();
        HeifColourProfile colour = HeifColourProfile.read(api, handle, warnings);
        Pointer options = api.heif_decoding_options_alloc();
        if (options == null) {
            throw DecodeFailures.outOfMemory(file, width, height, null);
        }
        PointerByReference decoded = new PointerByReference();
        try {
            int version = options.getByte(HeifApi.OPTIONS_VERSION_OFFSET);
            if (version >= 2) {
                options.setByte(HeifApi.OPTIONS_CONVERT_HDR_TO_8BIT_OFFSET, (byte) 1);
            }
            if (version >= 3) {
                // Damaged data is an error, not a picture with invented parts.
                options.setByte(HeifApi.OPTIONS_STRICT_DECODING_OFFSET, (byte) 1);
            }
            HeifApi.HeifError error = api.heif_decode_image(handle, decoded, HeifApi.COLORSPACE_RGB,
                    alpha ? HeifApi.CHROMA_INTERLEAVED_RGBA : HeifApi.CHROMA_INTERLEAVED_RGB, options);
            if (error.code != HeifApi.OK) {
                throw DecodeFailures.heif(file, format, "decoding its image data", error);
            }
        } finally {
            api.heif_decoding_options_free(options);
        }
        Pointer image = decoded.getValue();
        try {
            return copy(image, alpha, minWidth, minHeight, colour, warnings);
        } catch (OutOfMemoryError e) {
            throw DecodeFailures.outOfMemory(file, width, height, e);
        } finally {
            api.heif_image_release(image);
        }
    }

    private DecodedPixels copy(Pointer image, boolean alpha, int minWidth, int minHeight, HeifColourProfile colour,
            List<String> warnings) throws ImageDecodeException {
        int decodedWidth = api.heif_image_get_width(image, HeifApi.CHANNEL_INTERLEAVED);
        int decodedHeight = api.heif_image_get_height(image, HeifApi.CHANNEL_INTERLEAVED);
        IntByReference stride = new IntByReference();
        Pointer plane = api.heif_image_get_plane_readonly(image, HeifApi.CHANNEL_INTERLEAVED, stride);
        int channels = alpha ? 4 : 3;
        if (plane == null || decodedWidth <= 0 || decodedHeight <= 0
                || stride.getValue() < (long) decodedWidth * channels) {
            throw DecodeFailures.incomplete(file, "libheif returned no usable pixels");
        }
        int step = SourceSubsampling.factor(decodedWidth, decodedHeight, minWidth, minHeight);
        int outWidth = (decodedWidth + step - 1) / step;
        int outHeight = (decodedHeight + step - 1) / step;
        boolean premultiplied = alpha && api.heif_image_handle_is_premultiplied_alpha(handle) != 0;
        int type = !alpha ? BufferedImage.TYPE_INT_RGB
                : premultiplied ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_ARGB;
        BufferedImage picture = new BufferedImage(outWidth, outHeight, type);
        int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
        byte[] row = new byte[decodedWidth * channels];
        for (int y = 0; y < outHeight; y++) {
            plane.read((long) y * step * stride.getValue(), row, 0, row.length);
            int at = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int i = x * step * channels;
                int rgb = (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
                pixels[at + x] = alpha ? (row[i + 3] & 0xFF) << 24 | rgb : rgb;
            }
        }
        return new DecodedPixels(picture, step, DecodedImage.LIBHEIF, colour.iccProfile(), warnings);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        api.heif_image_handle_release(handle);
        api.heif_context_free(context);
        bytes.close();
    }
}
