package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an image file into an upright 8-bit sRGB picture no larger than needed, refusing oversized, damaged and
 * non-image files with an {@link ImageDecodeException}.
 *
 * <p>Plain JPEGs are decoded by libjpeg-turbo's TurboJPEG at a DCT scale when the library is available (see
 * {@link JpegDecoding}); every other file, and any JPEG TurboJPEG declines or warns about, by ImageIO, so that errors
 * keep their codes and messages.
 *
 * <p>Stateless and safe to share between threads; each call uses its own ImageIO reader and TurboJPEG handle.
 */
public final class ImageLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ImageLoader.class);

    private final ImageLimits limits;
    private final Optional<TurboJpegDecoder> turboJpeg;

    public ImageLoader() {
        this(ImageLimits.DEFAULT);
    }

    public ImageLoader(ImageLimits limits) {
        this(limits, JpegDecoding.TURBOJPEG_WHEN_AVAILABLE);
    }

    public ImageLoader(ImageLimits limits, JpegDecoding jpegDecoding) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.turboJpeg = Objects.requireNonNull(jpegDecoding, "jpegDecoding") == JpegDecoding.IMAGEIO_ONLY
                ? Optional.empty()
                : TurboJpegLibrary.shared().map(TurboJpegDecoder::new);
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
        try {
            ChosenReader chosen = chooseReader(file, input);
            try {
                DecodedImage decoded = decode(file, input, chosen, targetMinWidth, targetMinHeight);
                LOG.debug("Decoded a {} {}x{} with {} at subsampling {} in {} ms", decoded.format(),
                        decoded.originalWidth(), decoded.originalHeight(), decoded.decoder(), decoded.subsampling(),
                        (System.nanoTime() - started) / 1_000_000);
                return decoded;
            } finally {
                chosen.reader().dispose();
            }
        } finally {
            closeQuietly(input);
        }
    }

    private record ChosenReader(ImageReader reader, String format) {}

    private static ChosenReader chooseReader(Path file, ImageInputStream input) throws ImageDecodeException {
        Iterator<ImageReader> readers;
        try {
            readers = ImageIO.getImageReaders(input);
        } catch (RuntimeException e) {
            readers = Collections.emptyIterator();
        }
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            ImageReaderSpi provider = reader.getOriginatingProvider();
            Optional<String> format = provider == null
                    ? Optional.empty()
                    : SupportedImageTypes.formatOf(provider.getFormatNames());
            if (format.isPresent()) {
                return new ChosenReader(reader, format.get());
            }
            reader.dispose();
        }
        throw DecodeFailures.unsupportedFormat(file);
    }

    private DecodedImage decode(Path file, ImageInputStream input, ChosenReader chosen,
            int targetMinWidth, int targetMinHeight) throws ImageDecodeException {
        ImageReader reader = chosen.reader();
        DecoderWarnings decoderWarnings = new DecoderWarnings();
        reader.addIIOReadWarningListener(decoderWarnings);
        ReadProgress progress = new ReadProgress();
        reader.addIIOReadProgressListener(progress);
        checkDeclaredLength(file, input, chosen.format());
        EndOfDataGuard guard = "webp".equals(chosen.format()) ? guard(file, input) : null;
        reader.setInput(guard != null ? guard : input);

        int storedWidth;
        int storedHeight;
        try {
            storedWidth = reader.getWidth(0);
            storedHeight = reader.getHeight(0);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw DecodeFailures.unreadableHeader(file, chosen.format(), e);
        }
        checkDimensions(file, storedWidth, storedHeight);

        List<String> warnings = new ArrayList<>();
        ExifOrientation orientation = ExifOrientationReader.read(file, chosen.format(), warnings);
        int originalWidth = orientation.swapsAxes() ? storedHeight : storedWidth;
        int originalHeight = orientation.swapsAxes() ? storedWidth : storedHeight;
        // The caller's target is for the upright picture; the decoders work in stored orientation.
        int storedMinWidth = orientation.swapsAxes() ? targetMinHeight : targetMinWidth;
        int storedMinHeight = orientation.swapsAxes() ? targetMinWidth : targetMinHeight;
        if ("jpeg".equals(chosen.format()) && turboJpeg.isPresent()) {
            Optional<TurboJpegDecoder.Scaled> fast;
            try {
                fast = turboJpeg.get().decode(file, storedWidth, storedHeight, storedMinWidth, storedMinHeight);
            } catch (OutOfMemoryError e) {
                throw DecodeFailures.outOfMemory(file, storedWidth, storedHeight, e);
            }
            if (fast.isPresent()) {
                long converting = System.nanoTime();
                BufferedImage upright = orientation.apply(fast.get().image());
                return new DecodedImage(upright, originalWidth, originalHeight, orientation, chosen.format(),
                        fast.get().denominator(), warnings, System.nanoTime() - converting, DecodedImage.TURBOJPEG);
            }
        }
        int subsampling = SourceSubsampling.factor(storedWidth, storedHeight, storedMinWidth, storedMinHeight);

        BufferedImage upright;
        long orientConvertNanos;
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage stored = reader.read(0, param);
            String dataLoss = decoderWarnings.firstDataLoss();
            if (dataLoss != null) {
                throw DecodeFailures.incomplete(file, "decoder: " + dataLoss);
            }
            if (guard != null && guard.tripped()) {
                throw DecodeFailures.incomplete(file, "the decoder ran past the end of the file");
            }
            if ("gif".equals(chosen.format()) && progress.stoppedShort()) {
                throw DecodeFailures.incomplete(file, String.format(Locale.ROOT,
                        "its image data ends after %.0f%% of the rows", progress.lastPercent()));
            }
            long converting = System.nanoTime();
            upright = orientation.apply(SrgbConverter.toIntRgb(stored));
            orientConvertNanos = System.nanoTime() - converting;
        } catch (IOException | RuntimeException e) {
            if (guard != null && guard.tripped()) {
                throw DecodeFailures.incomplete(file, "the decoder ran past the end of the file");
            }
            // Some readers (the JDK's PNG reader among them) wrap even an OutOfMemoryError in an IIOException.
            if (DecodeFailures.rootCause(e) instanceof OutOfMemoryError) {
                throw DecodeFailures.outOfMemory(file, storedWidth, storedHeight, e);
            }
            throw DecodeFailures.undecodable(file, chosen.format(), e);
        } catch (OutOfMemoryError e) {
            throw DecodeFailures.outOfMemory(file, storedWidth, storedHeight, e);
        }

        warnings.addAll(decoderWarnings.harmless());
        return new DecodedImage(upright, originalWidth, originalHeight, orientation, chosen.format(), subsampling,
                warnings, orientConvertNanos, DecodedImage.IMAGEIO);
    }

    private static EndOfDataGuard guard(Path file, ImageInputStream input) throws ImageDecodeException {
        try {
            return new EndOfDataGuard(input);
        } catch (IOException e) {
            throw DecodeFailures.unreadableHeader(file, "webp", e);
        }
    }

    private static void checkDeclaredLength(Path file, ImageInputStream input, String format)
            throws ImageDecodeException {
        long missing;
        try {
            missing = DeclaredLength.missingBytes(input, format);
        } catch (IOException e) {
            throw DecodeFailures.unreadableHeader(file, format, e);
        }
        if (missing > 0) {
            throw DecodeFailures.incomplete(file, "its header promises " + missing + " more bytes than it holds");
        }
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
