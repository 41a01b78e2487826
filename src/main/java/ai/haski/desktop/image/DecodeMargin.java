package ai.haski.desktop.image;

/**
 * The margin a scaled decode promises above the size it was asked for: every decoded side is at least this many
 * times the target, unless the picture was decoded at full size. A caller that cuts a part out of the decoded
 * picture (a region of interest) asks this whether the part still keeps the margin, or needs a finer decode.
 */
public final class DecodeMargin {
    private DecodeMargin() {}

    /** The margin of the decoder that made {@code decoded}; 1 when it is at full size, where any cut is exact. */
    public static double of(DecodedImage decoded) {
        if (decoded.subsampling() == 1) {
            return 1;
        }
        return DecodedImage.TURBOJPEG.equals(decoded.decoder()) ? DctScale.SAFETY_MARGIN
                : SourceSubsampling.SAFETY_MARGIN;
    }
}
