package ai.haski.desktop.image;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The part of libpng 1.6's simplified read API (png.h, {@code png_image}) that decoding needs, bound through JNA.
 * Both read functions return non-zero on success; on failure {@link PngImage#message} says why and the image is
 * already freed.
 */
interface PngApi extends Library {
    /** {@code PNG_IMAGE_VERSION}. */
    int PNG_IMAGE_VERSION = 1;
    /** {@code PNG_FORMAT_BGRA}: bytes B, G, R, A, that is one little-endian int 0xAARRGGBB per pixel. */
    int PNG_FORMAT_BGRA = 0x02 | 0x10 | 0x01;

    /** {@code png_image}: the file's size and format after the header is read, and an error message. */
    @Structure.FieldOrder({"opaque", "version", "width", "height", "format", "flags", "colormap_entries",
            "warning_or_error", "message"})
    class PngImage extends Structure {
        public Pointer opaque;
        public int version = PNG_IMAGE_VERSION;
        public int width;
        public int height;
        public int format;
        public int flags;
        public int colormap_entries;
        public int warning_or_error;
        public byte[] message = new byte[64];

        /** libpng's message, a C string in the fixed-size field. */
        String message() {
            int end = 0;
            while (end < message.length && message[end] != 0) {
                end++;
            }
            return new String(message, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /** {@code int png_image_begin_read_from_memory(png_imagep, png_const_voidp memory, size_t size)}. */
    int png_image_begin_read_from_memory(PngImage image, Pointer memory, long size);

    /**
     * {@code int png_image_finish_read(png_imagep, png_const_colorp background, void *buffer, png_int_32 row_stride,
     * void *colormap)}; frees the image's internal state whether it succeeds or not.
     */
    int png_image_finish_read(PngImage image, Pointer background, Pointer buffer, int rowStride, Pointer colormap);

    /** {@code void png_image_free(png_imagep)}: for an image whose read is abandoned after the header. */
    void png_image_free(PngImage image);

    /** {@code png_const_charp png_get_libpng_ver(png_const_structrp)}; null is allowed. */
    String png_get_libpng_ver(Pointer png);
}
