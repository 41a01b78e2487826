package ai.haski.desktop.analysis;

import ai.haski.desktop.image.DecodeMargin;
import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Decodes the part of a photo a {@link Region} names at about the size a model needs, keeping the decode fast: the
 * photo is decoded scaled for the whole picture first, and the region is cut from that when the cut keeps the margin
 * the scaled decode promises ({@link DecodeMargin}) and its edges fall on whole decoded pixels; otherwise the photo
 * is decoded again at the finer scale the region needs (the model's size divided by the region's share of the
 * photo), and, when even that scale would round an edge, at full size. Cutting happens after the EXIF orientation,
 * so the region is in upright pixels.
 *
 * <p>Why edges must not be rounded: the reference model moved a probability by 0.045 when a 3600 x 2900 box of the
 * 12 MP phone photo was shifted by 2 pixels (half a pixel of its 1/4 decode), while the same box cut on whole
 * pixels of the 1/2 decode stayed within 0.0013 of the full-size cut ({@code RegionAnalysisTest}).
 */
final class RegionDecoder {
    private static final int FULL_SIZE = Integer.MAX_VALUE / 4;
    private final ImageLoader loader;

    RegionDecoder(ImageLoader loader) {
        this.loader = loader;
    }

    /** The decoded photo and the picture the model gets: the whole decode, or the region cut from it. */
    record Cut(DecodedImage decoded, BufferedImage picture, boolean redecoded) {}

    /** Decodes the whole photo, scaled for a model input of this size. */
    DecodedImage decodeWhole(Path file, int inputWidth, int inputHeight) throws ImageDecodeException {
        return loader.load(file, inputWidth, inputHeight);
    }

    /**
     * Cuts {@code region} (already checked to lie inside the upright photo) from {@code decoded}, or from a finer
     * decode of {@code file} when {@code decoded} is too coarse for it.
     */
    Cut cut(Path file, DecodedImage decoded, Region region, int inputWidth, int inputHeight)
            throws ImageDecodeException {
        if (region.covers(decoded.originalWidth(), decoded.originalHeight())) {
            return new Cut(decoded, decoded.image(), false);
        }
        if (aligned(decoded, region) && keepsMargin(decoded, region, inputWidth, inputHeight)) {
            return new Cut(decoded, crop(decoded, region), false);
        }
        int targetWidth = (int) Math.min(FULL_SIZE,
                Math.ceil(inputWidth * (double) decoded.originalWidth() / region.width()));
        int targetHeight = (int) Math.min(FULL_SIZE,
                Math.ceil(inputHeight * (double) decoded.originalHeight() / region.height()));
        // An edge on an odd pixel falls between the pixels of every scaled decode TurboJPEG makes (1/2, 1/4, 1/8):
        // go to full size at once rather than decode a scale that cannot be used.
        DecodedImage finer = alignedAt(region, 2, decoded.originalWidth(), decoded.originalHeight())
                ? loader.load(file, targetWidth, targetHeight) : null;
        if (finer == null || !aligned(finer, region)) {
            finer = loader.load(file, FULL_SIZE, FULL_SIZE);
        }
        return new Cut(finer, crop(finer, region), true);
    }

    private static boolean keepsMargin(DecodedImage decoded, Region region, int inputWidth, int inputHeight) {
        double margin = DecodeMargin.of(decoded);
        int n = decoded.subsampling();
        return margin <= 1 || (region.width() / n >= margin * inputWidth && region.height() / n >= margin * inputHeight);
    }

    /** Whether every edge of the region falls on a whole pixel of the decode (a right or bottom edge may be the photo's). */
    static boolean aligned(DecodedImage decoded, Region region) {
        return alignedAt(region, decoded.subsampling(), decoded.originalWidth(), decoded.originalHeight());
    }

    private static boolean alignedAt(Region region, int n, int imageWidth, int imageHeight) {
        return region.x() % n == 0 && region.y() % n == 0
                && (region.right() % n == 0 || region.right() == imageWidth)
                && (region.bottom() % n == 0 || region.bottom() == imageHeight);
    }

    /**
     * The region's pixels in an upright decode at 1/n of full size: edges divided by n, a partial last block kept.
     * Shares the decode's pixels (no copy).
     */
    static BufferedImage crop(DecodedImage decoded, Region region) {
        BufferedImage image = decoded.image();
        int n = decoded.subsampling();
        int left = Math.min(region.x() / n, image.getWidth() - 1);
        int top = Math.min(region.y() / n, image.getHeight() - 1);
        int right = Math.max(left + 1, Math.min(ceilDiv(region.right(), n), image.getWidth()));
        int bottom = Math.max(top + 1, Math.min(ceilDiv(region.bottom(), n), image.getHeight()));
        return image.getSubimage(left, top, right - left, bottom - top);
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
