package ai.haski.desktop.image;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Optional;

/**
 * Turns a JPEG's pixels from the colour space of its embedded RGB ICC profile (Display P3, Adobe RGB, ProPhoto...)
 * into sRGB, after the DCT-scaled decode rather than before it, as libvips does.
 *
 * <p>The ImageIO path (TwelveMonkeys' JPEG reader) converts the full-size picture with a {@link ColorConvertOp} from
 * {@link ColorSpaces#createColorSpace} to sRGB; this class builds the same colour space and the same operation, so
 * each pixel goes through the same transform and only the scaling differs. Converting a 1000 x 750 picture
 * instead of a 4000 x 3000 one does a sixteenth of the work, and the ImageIO decode itself is avoided.
 *
 * <p>Matrix/TRC profiles (what cameras and phones embed) are converted by {@link MatrixShaperToSrgb}, the same
 * arithmetic without LittleCMS's per-pixel cost, within one level of it; others by the {@code ColorConvertOp}.
 *
 * <p>Only display-class RGB profiles are taken. TwelveMonkeys rewrites the class of some other profiles before
 * converting (perceptual output profiles become display ones); leaving those to ImageIO keeps both paths equal by
 * construction. Thread-safe: every call builds its own operation.
 */
final class ProfileToSrgb {
    private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);
    private static final int[] RGB_OFFSETS = {0, 1, 2};

    private final ICC_ColorSpace source;
    private final Optional<MatrixShaperToSrgb> matrixShaper;

    private ProfileToSrgb(ICC_ColorSpace source, Optional<MatrixShaperToSrgb> matrixShaper) {
        this.source = source;
        this.matrixShaper = matrixShaper;
    }

    /** The conversion for {@code profile}, or empty when it is not a display RGB profile Java can read. */
    static Optional<ProfileToSrgb> of(byte[] profile) {
        if (profile.length == 0) {
            return Optional.empty();
        }
        try {
            ICC_Profile parsed = ICC_Profile.getInstance(profile);
            if (parsed.getColorSpaceType() != ColorSpace.TYPE_RGB
                    || parsed.getProfileClass() != ICC_Profile.CLASS_DISPLAY) {
                return Optional.empty();
            }
            // TwelveMonkeys caches colour spaces by profile, so photos from one camera share one.
            return Optional.of(new ProfileToSrgb(ColorSpaces.createColorSpace(parsed), MatrixShaperToSrgb.of(parsed)));
        } catch (RuntimeException e) {
            return Optional.empty(); // Not a profile Java can read: the ImageIO path decides what to make of it.
        }
    }

    /**
     * @param rgb {@code width x height} pixels as bytes R, G, B in the profile's colour space
     * @return the picture in sRGB as {@code TYPE_INT_RGB}
     */
    BufferedImage toSrgb(byte[] rgb, int width, int height) {
        if (matrixShaper.isPresent()) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            matrixShaper.get().convert(rgb, ((DataBufferInt) image.getRaster().getDataBuffer()).getData());
            return image;
        }
        Raster pixels = interleaved(rgb, width, height);
        byte[] srgb = new byte[rgb.length];
        // Byte rasters on both sides, as the ImageIO path converts, so the colour engine takes the same route.
        new ColorConvertOp(source, SRGB, null).filter(pixels, interleaved(srgb, width, height));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] packed = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0, at = 0; i < packed.length; i++, at += 3) {
            packed[i] = (srgb[at] & 0xFF) << 16 | (srgb[at + 1] & 0xFF) << 8 | (srgb[at + 2] & 0xFF);
        }
        return image;
    }

    private static WritableRaster interleaved(byte[] rgb, int width, int height) {
        return Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), width, height, width * 3, 3,
                RGB_OFFSETS, new Point());
    }
}
