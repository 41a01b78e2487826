package ai.haski.desktop.image;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** The user-facing failures of decoding a file that could be opened, each naming the file and what to do. */
final class DecodeFailures {
    // How the JDK PNG reader words a zero or negative size in its header ("Image width <= 0!").
    private static final Pattern NON_POSITIVE_SIZE = Pattern.compile("(?i)\\b(width|height)\\s*(<=|==)\\s*0");
    private static final String COPY_AGAIN = "Copy the photo again from its source; the copy may have been cut short.";
    private static final String CHECK_ELSEWHERE =
            "Open it in another program to check it, or copy the photo again from its source.";

    private DecodeFailures() {}

    static ImageDecodeException unsupportedFormat(Path file) {
        return new ImageDecodeException(ImageErrorCode.UNSUPPORTED_FORMAT, file,
                "its content is not a " + String.join(", ", SupportedImageTypes.formatNamesForPeople())
                        + " image, whatever its name says",
                "Check that it really is a photo, or convert it to JPEG or PNG in an image editor.");
    }

    /** A HEIF or AVIF file on a system without a usable libheif. */
    static ImageDecodeException decoderMissing(Path file, String format) {
        return new ImageDecodeException(ImageErrorCode.DECODER_MISSING, file,
                forPeople(format) + " is not supported on this system: install libheif (Debian/Ubuntu: "
                        + "apt-get install libheif1)",
                "Or convert the photo to JPEG on the phone or computer it came from.");
    }

    /** A file larger than a decoder that holds the whole file in memory accepts. */
    static ImageDecodeException fileTooLarge(Path file, long size, long maxBytes) {
        return new ImageDecodeException(ImageErrorCode.IMAGE_TOO_LARGE, file,
                "the file is " + (size >> 20) + " MB, more than the " + (maxBytes >> 20) + " MB this app reads for its "
                        + "format",
                "Convert it to JPEG in an image editor first.");
    }

    /** libheif refused the file at some step; its error code says whether it is damaged, too large or unsupported. */
    static ImageDecodeException heif(Path file, String format, String step, HeifApi.HeifError error) {
        String detail = "libheif, " + step + ": " + (error.message == null ? "error " + error.code : error.message)
                + " (" + error.code + "/" + error.subcode + ")";
        if (error.subcode == HeifApi.SUBERROR_END_OF_DATA) {
            return incomplete(file, detail);
        }
        if (error.subcode == HeifApi.SUBERROR_SECURITY_LIMIT) {
            return new ImageDecodeException(ImageErrorCode.IMAGE_TOO_LARGE, file,
                    "it declares more than libheif's safety limits allow (" + detail + ")",
                    "If it is a real photo, convert it to JPEG in an image editor first.");
        }
        if (error.code == HeifApi.ERROR_MEMORY_ALLOCATION) {
            return new ImageDecodeException(ImageErrorCode.OUT_OF_MEMORY, file,
                    "there was not enough memory to decode it (" + detail + ")",
                    "Close other programs or analyse fewer photos at once and try again.");
        }
        if (error.code == HeifApi.ERROR_UNSUPPORTED_FEATURE || error.code == HeifApi.ERROR_UNSUPPORTED_FILETYPE) {
            return new ImageDecodeException(ImageErrorCode.UNSUPPORTED_FORMAT, file,
                    "it uses a " + forPeople(format) + " feature this system's libheif cannot decode (" + detail + ")",
                    "Convert it to JPEG on the phone or computer it came from.");
        }
        return new ImageDecodeException(ImageErrorCode.CORRUPT_IMAGE, file,
                "the " + forPeople(format) + " file is damaged (" + detail + ")", CHECK_ELSEWHERE);
    }

    /** A reader that could not even report the size: a damaged header, or a size of zero the reader refused. */
    static ImageDecodeException unreadableHeader(Path file, String format, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && NON_POSITIVE_SIZE.matcher(cause.getMessage()).find()) {
                return invalidDimensions(file, "its header declares a width or height of zero or less");
            }
        }
        return new ImageDecodeException(ImageErrorCode.CORRUPT_IMAGE, file,
                "its " + forPeople(format) + " header is damaged (decoder: " + describe(e) + ")", CHECK_ELSEWHERE, e);
    }

    static ImageDecodeException invalidDimensions(Path file, int width, int height) {
        return invalidDimensions(file, "its header declares an impossible size of " + width + " x " + height
                + " pixels");
    }

    static ImageDecodeException tooManyPixels(Path file, int width, int height, ImageLimits limits) {
        return new ImageDecodeException(ImageErrorCode.IMAGE_TOO_LARGE, file,
                "it is " + width + " x " + height + " pixels ("
                        + ImageLimits.formatMegapixels((long) width * height) + " megapixels), more than the limit of "
                        + limits.maxMegapixelsText() + " megapixels",
                "If you trust this file and have the memory, raise the limit with --max-megapixels; "
                        + "otherwise shrink the photo in an image editor first.");
    }

    static ImageDecodeException sideTooLong(Path file, int longerSide, ImageLimits limits) {
        return new ImageDecodeException(ImageErrorCode.IMAGE_TOO_LARGE, file,
                "its longer side of " + longerSide + " pixels exceeds the limit of " + limits.maxSide()
                        + " pixels per side",
                "Shrink the photo in an image editor first.");
    }

    /** Pixels are missing: the decoder would have filled them in, so the picture must not be analysed. */
    static ImageDecodeException incomplete(Path file, String detail) {
        return new ImageDecodeException(ImageErrorCode.CORRUPT_IMAGE, file,
                "the image data is incomplete (" + detail + ")",
                "Part of the picture would be invented, so it is not analysed. " + COPY_AGAIN);
    }

    /** The decoder gave up, or produced something that could not be turned into RGB. */
    static ImageDecodeException undecodable(Path file, String format, Throwable e) {
        return new ImageDecodeException(ImageErrorCode.CORRUPT_IMAGE, file,
                "the image data is damaged or uses a " + forPeople(format)
                        + " variant this app cannot decode (decoder: " + describe(e) + ")",
                CHECK_ELSEWHERE, e);
    }

    static ImageDecodeException outOfMemory(Path file, int width, int height, Throwable cause) {
        return new ImageDecodeException(ImageErrorCode.OUT_OF_MEMORY, file,
                "there was not enough memory to decode its " + width + " x " + height + " pixels",
                "Close other programs or analyse fewer photos at once and try again; to refuse such files "
                        + "up front, lower the limit with --max-megapixels.", cause);
    }

    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static ImageDecodeException invalidDimensions(Path file, String problem) {
        return new ImageDecodeException(ImageErrorCode.INVALID_DIMENSIONS, file, problem,
                "The file is damaged; copy the photo again from its source.");
    }

    private static String forPeople(String format) {
        return switch (format) {
            case "webp" -> "WebP";
            case HeifBrands.HEIF -> "HEIC";
            default -> format.toUpperCase(Locale.ROOT);
        };
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
}
