package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a decoder produced, before {@link ImageLoader} turns it into opaque, upright sRGB.
 *
 * @param image       any type the decoder gives (alpha, gray, 16-bit are converted by the loader)
 * @param subsampling 1 at full size; n when the picture is 1/n of the stored one on each side
 * @param decoder     which decoder it was: {@link DecodedImage#IMAGEIO}, {@link DecodedImage#TURBOJPEG}, ...
 * @param iccProfile  the ICC profile the pixels are still in, when the decoder does not convert colour; empty when
 *                    they are sRGB (or as near as a profile-less file can say)
 * @param warnings    things the user should know about the picture, in plain words
 */
record DecodedPixels(BufferedImage image, int subsampling, String decoder, Optional<byte[]> iccProfile,
        List<String> warnings) {
    DecodedPixels {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(iccProfile, "iccProfile");
        warnings = List.copyOf(warnings);
    }

    /** Pixels already in sRGB, with no warnings. */
    static DecodedPixels srgb(BufferedImage image, int subsampling, String decoder) {
        return new DecodedPixels(image, subsampling, decoder, Optional.empty(), List.of());
    }
}
