package ai.haski.desktop.analysis;

/**
 * The skin tone of the analysed region as an Individual Typology Angle, from the mean CIELAB colour of its skin
 * pixels (see {@link SkinToneEstimator}). An estimate from an uncalibrated photo: the camera's white balance and
 * exposure and the room's light move it, so it serves to check a model across skin tones, not to measure skin.
 *
 * @param itaDegrees ITA in degrees: arctan((L* - 50) / b*) x 180 / pi
 * @param group the usual group of that angle
 * @param pixels how many skin pixels the mean was taken over (of those read: see {@link SkinToneEstimator})
 */
public record SkinTone(double itaDegrees, SkinToneGroup group, int pixels) {

    /** How every face labels the value, in one place. */
    public static final String CAVEAT = "an estimate from an uncalibrated photo";
}
