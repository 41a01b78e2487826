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
import java.util.regex.Pattern;
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
 * <p>Stateless and safe to share between threads; each call uses its own ImageIO reader.
 */
public final class ImageLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ImageLoader.class);
    // How the JDK PNG reader words a zero or negative size in its header ("Image width <= 0!").
    private static final Pattern NON_POSITIVE_SIZE = Pattern.compile("(?i)\\b(width|height)\\s*(<=|==)\\s*0");

    private final ImageLimits limits;

    public ImageLoader() {
        this(ImageLimits.DEFAULT);
    }

    public ImageLoader(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ImageLimits limits() {
        return limits;
    }

    /**
     * Decodes the first image (first frame of a GIF, first page of a TIFF) of {@code file}.
     *
     * @param targetMinWidth  the width the caller will resize the upright picture to; decoding keeps at least twice it
     * @param targetMinHeight the height the caller will resize the upright picture to; decoding keeps at least twice it
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
                LOG.debug("Decoded a {} {}x{} at subsampling {} in {} ms", decoded.format(),
                        decoded.originalWidth(), decoded.originalHeight(), decoded.subsampling(),
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
        throw new ImageDecodeException(ImageErrorCode.UNSUPPORTED_FORMAT, file,
                "its content is not a " + String.join(", ", SupportedImageTypes.formatNamesForPeople())
                        + " image, whatever its name says",
                "Check that it really is a photo, or convert it to JPEG or PNG in an image editor.");
    }

    private DecodedImage decode(Path file, ImageInputStream input, ChosenReader chosen,
            int targetMinWidth, int targetMinHeight) throws ImageDecodeException {
        ImageReader reader = chosen.reader();
        DecoderWarnings decoderWarnings = new DecoderWarnings();
        reader.addIIOReadWarningListener(decoderWarnings);
        checkDeclaredLength(file, input, chosen.format());
        reader.setInput(input);

        int storedWidth;
        int storedHeight;
        try {
            storedWidth = reader.getWidth(0);
            storedHeight = reader.getHeight(0);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw headerFailure(file, chosen.format(), e);
        }
        checkDimensions(file, storedWidth, storedHeight);

        List<String> warnings = new ArrayList<>();
        ExifOrientation orientation = ExifOrientationReader.read(file, chosen.format(), warnings);
        // The caller's target is for the upright picture; the decoder works in stored orientation.
        int subsampling = orientation.swapsAxes()
                ? SourceSubsampling.factor(storedWidth, storedHeight, targetMinHeight, targetMinWidth)
                : SourceSubsampling.factor(storedWidth, storedHeight, targetMinWidth, targetMinHeight);

        BufferedImage upright;
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage stored = reader.read(0, param);
            String dataLoss = decoderWarnings.firstDataLoss();
            if (dataLoss != null) {
                throw new ImageDecodeException(ImageErrorCode.CORRUPT_IMAGE, file,
                        "the image data is incomplete or damaged (decoder: " + dataLoss + ")",
                        "Part of the picture would be invented, so it is not analysed. "
                                + "Copy the photo again from its source; the copy may have been cut short.");
            }
            upright = orientation.apply(SrgbConverter.toIntRgb(stored));
        } catch (IOException | RuntimeException e) {
            // Some readers (the JDK's PNG reader among them) wrap even an OutOfMemoryError in an IIOException.
            if (rootCause(e) instanceof OutOfMemoryError) {
                throw outOfMemory(file, storedWidth, storedHeight, e);
            }
            throw new ImageDecodeException(ImageErrorCode.CORRUPT_IMAGE, file,
                    "the image data is damaged or uses a " + formatForPeople(chosen.format())
                            + " variant this app cannot decode (decoder: " + describe(e) + ")",
                    "Open it in another program to check it, or copy the photo again from its source.", e);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(file, storedWidth, storedHeight, e);
        }

        warnings.addAll(decoderWarnings.harmless());
        int originalWidth = orientation.swapsAxes() ? storedHeight : storedWidth;
        int originalHeight = orientation.swapsAxes() ? storedWidth : storedHeight;
        return new DecodedImage(upright, originalWidth, originalHeight, orientation, chosen.format(), subsampling,
                warnings);
    }

    private static void checkDeclaredLength(Path file, ImageInputStream input, String format)
            throws ImageDecodeException {
        long missing;
        try {
            missing = DeclaredLength.missingBytes(input, format);
        } catch (IOException e) {
            throw headerFailure(file, format, e);
        }
        if (missing > 0) {
            throw new ImageDecodeException(ImageErrorCode.CORRUPT_IMAGE, file,
                    "the file is incomplete: its header promises " + missing + " more bytes than it holds",
                    "Part of the picture would be invented, so it is not analysed. "
                            + "Copy the photo again from its source; the copy may have been cut short.");
        }
    }

    private static ImageDecodeException headerFailure(Path file, String format, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && NON_POSITIVE_SIZE.matcher(cause.getMessage()).find()) {
                return invalidDimensions(file, "its header declares a width or height of zero or less");
            }
        }
        return new ImageDecodeException(ImageErrorCode.CORRUPT_IMAGE, file,
                "its " + formatForPeople(format) + " header is damaged (decoder: " + describe(e) + ")",
                "Open it in another program to check it, or copy the photo again from its source.", e);
    }

    private void checkDimensions(Path file, int width, int height) throws ImageDecodeException {
        if (width <= 0 || height <= 0) {
            throw invalidDimensions(file, "its header declares an impossible size of " + width + " x " + height
                    + " pixels");
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageDecodeException(ImageErrorCode.IMAGE_TOO_LARGE, file,
                    "it is " + width + " x " + height + " pixels (" + ImageLimits.formatMegapixels(pixels)
                            + " megapixels), more than the limit of " + limits.maxMegapixelsText() + " megapixels",
                    "If you trust this file and have the memory, raise the limit with --max-megapixels; "
                            + "otherwise shrink the photo in an image editor first.");
        }
        int longerSide = Math.max(width, height);
        if (longerSide > limits.maxSide()) {
            throw new ImageDecodeException(ImageErrorCode.IMAGE_TOO_LARGE, file,
                    "its longer side of " + longerSide + " pixels exceeds the limit of " + limits.maxSide()
                            + " pixels per side",
                    "Shrink the photo in an image editor first.");
        }
    }

    private static ImageDecodeException invalidDimensions(Path file, String problem) {
        return new ImageDecodeException(ImageErrorCode.INVALID_DIMENSIONS, file, problem,
                "The file is damaged; copy the photo again from its source.");
    }

    private static String formatForPeople(String format) {
        return switch (format) {
            case "webp" -> "WebP";
            default -> format.toUpperCase(Locale.ROOT);
        };
    }

    private static ImageDecodeException outOfMemory(Path file, int width, int height, Throwable cause) {
        return new ImageDecodeException(ImageErrorCode.OUT_OF_MEMORY, file,
                "there was not enough memory to decode its " + width + " x " + height + " pixels",
                "Close other programs or analyse fewer photos at once and try again; to refuse such files "
                        + "up front, lower the limit with --max-megapixels.", cause);
    }

    /** The decoder's own words, plus those of the underlying cause when it wrapped one. */
    private static String describe(Throwable e) {
        Throwable root = rootCause(e);
        return root == e ? messageOrType(e) : messageOrType(e) + " / " + messageOrType(root);
    }

    private static String messageOrType(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message.strip();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static void closeQuietly(ImageInputStream input) {
        try {
            input.close();
        } catch (IOException ignored) {
            // Read-only: a failing close loses nothing, and the decode result (or its error) is what matters.
        }
    }
}
