package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an image file into an upright 8-bit sRGB picture no larger than needed, refusing oversized, damaged and
 * non-image files with an {@link ImageDecodeException}.
 *
 * <p>The file's content chooses an {@link ImageDecoder}, which reads the header into an {@link OpenedImage}; this
 * class then does, once for every decoder, what they share: the size limits before any pixels are decoded, the EXIF
 * orientation unless the decoder applies the file's own, the conversion to opaque sRGB and the timing of it. Plain
 * JPEGs are decoded by libjpeg-turbo's TurboJPEG at a DCT scale when the library is available (see
 * {@link NativeDecoding}); HEIC/HEIF and AVIF files by libheif ({@link HeifDecoder}), or refused with
 * {@link ImageErrorCode#DECODER_MISSING} where it is not installed; every other file, and any JPEG TurboJPEG declines
 * or warns about, by ImageIO, so that errors keep their codes and messages. Opaque 8-bit PNGs are decoded by libpng
 * where it is available ({@link LibpngDecoder}), with the same pixels ImageIO gives.
 *
 * <p>Stateless and safe to share between threads; each call uses its own ImageIO reader and TurboJPEG handle.
 */
public final class ImageLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ImageLoader.class);

    private final ImageLimits limits;
    private final ImageDecoder imageIoDecoder = new ImageIoDecoder();
    private final Optional<TurboJpegDecoder> turboJpeg;
    private final Optional<LibpngDecoder> libpng;
    private final Optional<HeifApi> libheif;

    public ImageLoader() {
        this(ImageLimits.DEFAULT);
    }

    public ImageLoader(ImageLimits limits) {
        this(limits, NativeDecoding.NATIVE_WHEN_AVAILABLE);
    }

    public ImageLoader(ImageLimits limits, NativeDecoding nativeDecoding) {
        this(limits, nativeDecoding, HeifLibrary.shared());
    }

    /** @param libheif the HEIF binding; empty as on a system without libheif */
    ImageLoader(ImageLimits limits, NativeDecoding nativeDecoding, Optional<HeifApi> libheif) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.turboJpeg = Objects.requireNonNull(nativeDecoding, "nativeDecoding") == NativeDecoding.IMAGEIO_ONLY
                ? Optional.empty()
                : TurboJpegLibrary.shared().map(TurboJpegDecoder::new);
        this.libpng = nativeDecoding == NativeDecoding.IMAGEIO_ONLY ? Optional.empty()
                : PngLibrary.shared().map(LibpngDecoder::new);
        this.libheif = Objects.requireNonNull(libheif, "libheif");
    }

    public ImageLimits limits() {
        return limits;
    }

    /** Which decoder plain JPEGs get, in words for logs and benchmark output. */
    public String jpegDecoder() {
        return turboJpeg.isPresent()
                ? "TurboJPEG (DCT-scaled, colour profiles applied after scaling; ImageIO for CMYK and damaged JPEGs)"
                : "ImageIO";
    }

    /**
     * Decodes the first image (first frame of a GIF, first page of a TIFF) of {@code file}.
     *
     * @param targetMinWidth  the width the caller will resize the upright picture to; decoding keeps a margin above
     *                        it ({@link DctScale} for plain JPEGs through TurboJPEG, else {@link SourceSubsampling})
     * @param targetMinHeight the height the caller will resize the upright picture to, with the same margin
     */
    public DecodedImage load(Path file, int targetMinWidth, int targetMinHeight) throws ImageDecodeException {
        Objects.requireNonNull(file, "file");
        if (targetMinWidth <= 0 || targetMinHeight <= 0) {
            throw new IllegalArgumentException(
                    "target size must be positive, got " + targetMinWidth + " x " + targetMinHeight);
        }
        ImageFileAccess.requireNonEmptyRegularFile(file);
        long started = System.nanoTime();
        ImageInputStream input = ImageFileAccess.open(file);
        try (OpenedImage image = open(file, input)) {
            DecodedImage decoded = decode(file, image, targetMinWidth, targetMinHeight);
            LOG.debug("Decoded a {} {}x{} with {} at subsampling {} in {} ms", decoded.format(),
                    decoded.originalWidth(), decoded.originalHeight(), decoded.decoder(), decoded.subsampling(),
                    (System.nanoTime() - started) / 1_000_000);
            return decoded;
        } finally {
            closeQuietly(input);
        }
    }

    /** The decoder for the file's content, with its header read. */
    private OpenedImage open(Path file, ImageInputStream input) throws ImageDecodeException {
        Optional<String> heif;
        try {
            heif = HeifBrands.formatOf(input);
        } catch (IOException e) {
            throw ImageFileAccess.openFailure(file, e);
        }
        if (heif.isPresent()) {
            if (libheif.isEmpty()) {
                throw DecodeFailures.decoderMissing(file, heif.get());
            }
            return new HeifDecoder(libheif.get(), limits, heif.get()).open(file, input);
        }
        OpenedImage imageIo = imageIoDecoder.open(file, input);
        if ("jpeg".equals(imageIo.format()) && turboJpeg.isPresent()) {
            return NativeFirstImage.turboJpeg(file, turboJpeg.get(), imageIo);
        }
        if ("png".equals(imageIo.format()) && libpng.isPresent()) {
            return NativeFirstImage.libpng(file, libpng.get(), imageIo);
        }
        return imageIo;
    }

    private DecodedImage decode(Path file, OpenedImage image, int targetMinWidth, int targetMinHeight)
            throws ImageDecodeException {
        int storedWidth = image.storedWidth();
        int storedHeight = image.storedHeight();
        checkDimensions(file, storedWidth, storedHeight);

        List<String> warnings = new ArrayList<>();
        ExifOrientation orientation = image.capabilities().appliesOrientation()
                ? ExifOrientation.NORMAL
                : ExifOrientationReader.read(file, image.format(), warnings);
        int originalWidth = orientation.swapsAxes() ? storedHeight : storedWidth;
        int originalHeight = orientation.swapsAxes() ? storedWidth : storedHeight;
        // The caller's target is for the upright picture; the decoders work in stored orientation.
        int storedMinWidth = orientation.swapsAxes() ? targetMinHeight : targetMinWidth;
        int storedMinHeight = orientation.swapsAxes() ? targetMinWidth : targetMinHeight;

        DecodedPixels pixels = image.decode(storedMinWidth, storedMinHeight);
        long converting = System.nanoTime();
        BufferedImage upright;
        try {
            BufferedImage opaque = SrgbConverter.toIntRgb(pixels.image());
            if (pixels.iccProfile().isPresent()) {
                opaque = IccToSrgb.convert(opaque, pixels.iccProfile().get(), warnings);
            }
            upright = orientation.apply(opaque);
        } catch (RuntimeException e) {
            throw DecodeFailures.undecodable(file, image.format(), e);
        } catch (OutOfMemoryError e) {
            throw DecodeFailures.outOfMemory(file, storedWidth, storedHeight, e);
        }
        long orientConvertNanos = System.nanoTime() - converting;
        warnings.addAll(pixels.warnings());
        return new DecodedImage(upright, originalWidth, originalHeight, orientation, image.format(),
                pixels.subsampling(), warnings, orientConvertNanos, pixels.decoder());
    }

    private void checkDimensions(Path file, int width, int height) throws ImageDecodeException {
        if (width <= 0 || height <= 0) {
            throw DecodeFailures.invalidDimensions(file, width, height);
        }
        if ((long) width * height > limits.maxPixels()) {
            throw DecodeFailures.tooManyPixels(file, width, height, limits);
        }
        if (Math.max(width, height) > limits.maxSide()) {
            throw DecodeFailures.sideTooLong(file, Math.max(width, height), limits);
        }
    }

    private static void closeQuietly(ImageInputStream input) {
        try {
            input.close();
        } catch (IOException ignored) {
            // Read-only: a failing close loses nothing, and the decode result (or its error) is what matters.
        }
    }
}
