package ai.haski.desktop.analysis.quality;

/**
 * What was measured on the analysed picture, before any threshold is applied (see docs/QUALITY.md).
 *
 * @param sharpness      variance of the 4-neighbour Laplacian of the luma (0-255) at the working size; low is blurred
 * @param directionRatio the weakest direction's detail over the strongest's (second differences along 0, 45, 90 and
 *                       135 degrees); near 1 for detail in every direction, low when motion smeared one direction
 * @param meanLuminance  mean Rec. 709 luma, 0-255
 * @param darkShare      share of working pixels with luma below {@link #DARK_LUMA} (crushed shadows)
 * @param brightShare    share of working pixels with luma above {@link #BRIGHT_LUMA} (blown highlights)
 * @param upscale        how far the model's preprocessing enlarges the analysed region along its more enlarged axis;
 *                       1 or less when it is shrunk
 * @param meanA          CIELAB a* of the picture's average colour (grey-world; green below 0, magenta above)
 * @param meanB          CIELAB b* of the picture's average colour (blue below 0, yellow above)
 * @param highlightA     CIELAB a* of the average colour of the brightest tenth of the pixels (the light's colour)
 * @param highlightB     CIELAB b* of the same highlights
 * @param cast           distance in the a*b* plane from the highlights' colour to the nearest colour between neutral
 *                       grey and an average skin tone: whites under a neutral light are grey, and skin's own
 *                       highlights are at most skin-coloured
 */
public record QualityMeasures(double sharpness, double directionRatio, double meanLuminance, double darkShare,
        double brightShare, double upscale, double meanA, double meanB, double highlightA, double highlightB,
        double cast) {
    /** Luma below which a pixel counts as crushed to black. */
    public static final int DARK_LUMA = 16;
    /** Luma above which a pixel counts as blown to white. */
    public static final int BRIGHT_LUMA = 245;
}
