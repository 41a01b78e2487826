package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A file opened by an ImageIO reader: decodes the first image with source subsampling, and turns the reader's
 * warnings, a GIF that stops short and a WebP decoder running past the end into "incomplete" errors.
 */
final class ImageIoImage implements OpenedImage {
    private static final DecoderCapabilities CAPABILITIES = new DecoderCapabilities(true, true, false);

    private final Path file;
    private final ImageReader reader;
    private final String format;
    private final EndOfDataGuard guard;
    private final DecoderWarnings decoderWarnings = new DecoderWarnings();
    private final ReadProgress progress = new ReadProgress();
    private final int storedWidth;
    private final int storedHeight;

    /** Takes over {@code reader}, which {@link #close()} disposes; reads the stored size. */
    ImageIoImage(Path file, ImageInputStream input, ImageReader reader, String format, EndOfDataGuard guard)
            throws ImageDecodeException {
        this.file = file;
        this.reader = reader;
        this.format = format;
        this.guard = guard;
        reader.addIIOReadWarningListener(decoderWarnings);
        reader.addIIOReadProgressListener(progress);
        reader.setInput(guard != null ? guard : input);
        try {
            storedWidth = reader.getWidth(0);
            storedHeight = reader.getHeight(0);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw DecodeFailures.unreadableHeader(file, format, e);
        }
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public int storedWidth() {
        return storedWidth;
    }

    @Override
    public int storedHeight() {
        return storedHeight;
    }

    @Override
    public DecoderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DecodedPixels decode(int minWidth, int minHeight) throws ImageDecodeException {
        int subsampling = SourceSubsampling.factor(storedWidth, storedHeight, minWidth, minHeight);
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
            if ("gif".equals(format) && progress.stoppedShort()) {
                throw DecodeFailures.incomplete(file, String.format(Locale.ROOT,
                        "its image data ends after %.0f%% of the rows", progress.lastPercent()));
            }
            return new DecodedPixels(stored, subsampling, DecodedImage.IMAGEIO, Optional.empty(),
                    List.copyOf(decoderWarnings.harmless()));
        } catch (IOException | RuntimeException e) {
            if (guard != null && guard.tripped()) {
                throw DecodeFailures.incomplete(file, "the decoder ran past the end of the file");
            }
            // Some readers (the JDK's PNG reader among them) wrap even an OutOfMemoryError in an IIOException.
            if (DecodeFailures.rootCause(e) instanceof OutOfMemoryError) {
                throw DecodeFailures.outOfMemory(file, storedWidth, storedHeight, e);
            }
            throw DecodeFailures.undecodable(file, format, e);
        } catch (OutOfMemoryError e) {
            throw DecodeFailures.outOfMemory(file, storedWidth, storedHeight, e);
        }
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
