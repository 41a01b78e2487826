package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * An upright, opaque 8-bit sRGB picture decoded from a file, with the facts needed to explain how it was obtained.
 *
 * @param image          the upright pixels, always {@code TYPE_INT_RGB}; smaller than the original when subsampled
 * @param originalWidth  width of the full-size picture as displayed, that is after the EXIF orientation is applied
 * @param originalHeight height of the full-size picture as displayed, that is after the EXIF orientation is applied
 * @param orientation    the EXIF orientation that was applied ({@link ExifOrientation#NORMAL} when absent or invalid,
 *                       and for HEIF and AVIF, whose own rotation libheif applies instead)
 * @param format         the decoder's format: "jpeg", "png", "bmp", "gif", "tiff", "webp", "heif" or "avif"
 * @param subsampling    1 when decoded at full size; n when the picture is 1/n of it on each side: with
 *                       {@link #IMAGEIO}, every n-th pixel of every n-th row; with {@link #TURBOJPEG}, the DCT
 *                       scale denominator (n = 2, 4 or 8, each pixel standing for an n x n block)
 * @param warnings       things the user should know about this picture, in plain words
 * @param orientConvertNanos the part of the decode spent turning the decoder's pixels upright and into sRGB
 * @param decoder        which decoder produced the pixels: {@link #IMAGEIO}, {@link #TURBOJPEG} or {@link #LIBHEIF}
 */
public record DecodedImage(
        BufferedImage image,
        int originalWidth,
        int originalHeight,
        ExifOrientation orientation,
        String format,
        int subsampling,
        List<String> warnings,
        long orientConvertNanos,
        String decoder) {

    /** ImageIO with TwelveMonkeys' readers: every format, and JPEGs the fast path declines. */
    public static final String IMAGEIO = "imageio";
    /** libjpeg-turbo's TurboJPEG: plain JPEGs, decoded at a DCT scale. */
    public static final String TURBOJPEG = "turbojpeg";
    /** libpng's simplified API: opaque 8-bit PNGs without colour chunks. */
    public static final String LIBPNG = "libpng";
    /** libheif: HEIC/HEIF and AVIF, with the file's own rotation, mirror and crop applied. */
    public static final String LIBHEIF = "libheif";

    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(decoder, "decoder");
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("image must be TYPE_INT_RGB, got type " + image.getType());
        }
        if (originalWidth <= 0 || originalHeight <= 0 || subsampling < 1) {
            throw new IllegalArgumentException("sizes and subsampling must be positive");
        }
        warnings = List.copyOf(warnings);
    }
}
