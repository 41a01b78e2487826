package ai.haski.desktop.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Opens JPEG, PNG, BMP, GIF, TIFF and WebP files with ImageIO and TwelveMonkeys' readers, chosen by the file's
 * content; any other reader on the class path is refused (see {@link SupportedImageTypes}).
 */
final class ImageIoDecoder implements ImageDecoder {
    @Override
    public OpenedImage open(Path file, ImageInputStream input) throws ImageDecodeException {
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
                return openWith(file, input, reader, format.get());
            }
            reader.dispose();
        }
        throw DecodeFailures.unsupportedFormat(file);
    }

    private static OpenedImage openWith(Path file, ImageInputStream input, ImageReader reader, String format)
            throws ImageDecodeException {
        try {
            checkDeclaredLength(file, input, format);
            EndOfDataGuard guard = "webp".equals(format) ? guard(file, input) : null;
            return new ImageIoImage(file, input, reader, format, guard);
        } catch (ImageDecodeException | RuntimeException | Error e) {
            reader.dispose();
            throw e;
        }
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
}
