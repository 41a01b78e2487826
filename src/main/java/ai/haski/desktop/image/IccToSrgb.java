package ai.haski.desktop.image;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.util.List;

/**
 * Converts opaque RGB pixels from the ICC profile a decoder left them in (Display P3 from iPhones, Adobe RGB) to
 * sRGB, as ImageIO's readers do for JPEGs with a profile; a profile Java cannot use leaves the pixels as they are,
 * with a warning.
 */
final class IccToSrgb {
    private IccToSrgb() {}

    static BufferedImage convert(BufferedImage rgb, byte[] profileBytes, List<String> warnings) {
        ICC_ColorSpace source;
        try {
            ICC_Profile profile = ICC_Profile.getInstance(profileBytes);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
                warnings.add("its ICC colour profile is not an RGB profile; the colours are shown as stored");
                return rgb;
            }
            // As TwelveMonkeys builds it for JPEGs, so a profile gives the same colours in either format.
            source = ColorSpaces.createColorSpace(profile);
        } catch (RuntimeException e) {
            warnings.add("its ICC colour profile could not be read (" + e.getClass().getSimpleName()
                    + "); the colours are shown as stored");
            return rgb;
        }
        BufferedImage target = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(source, ColorSpace.getInstance(ColorSpace.CS_sRGB), null)
                .filter(rgb.getRaster(), target.getRaster());
        return target;
    }
}
