package ai.haski.desktop.analysis.quality;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges the picture a model is about to see: measures it ({@link QualityMeasures}) and names each problem whose
 * measure crosses its {@link QualityThresholds threshold}. It takes the decoded picture and the size of the region
 * it stands for, never a file, so it costs a few milliseconds and works as well on a cropped region.
 */
public final class QualityCheck {
    private final QualityThresholds thresholds;

    public QualityCheck(QualityThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public QualityThresholds thresholds() {
        return thresholds;
    }

    /**
     * @param picture      the decoded picture the model is given (upright, any size near the model's input)
     * @param regionWidth  width of the region that picture shows, in pixels of the original upright photo
     * @param regionHeight height of that region, in pixels of the original upright photo
     * @param inputWidth   the model's input width
     * @param inputHeight  the model's input height
     */
    public PhotoQuality check(BufferedImage picture, int regionWidth, int regionHeight, int inputWidth,
            int inputHeight) {
        QualityMeasures measures = PictureMeasurer.measure(picture, regionWidth, regionHeight, inputWidth,
                inputHeight);
        return new PhotoQuality(judge(measures, regionWidth, regionHeight), measures);
    }

    /** The problems these measures show under the thresholds, in the order of {@link QualityCode}. */
    public List<QualityProblem> judge(QualityMeasures m, int regionWidth, int regionHeight) {
        List<QualityProblem> problems = new ArrayList<>();
        boolean smeared = m.directionRatio() < thresholds.maxDirectionRatio()
                && m.sharpness() < thresholds.softSharpness();
        if (smeared) {
            problems.add(new QualityProblem(QualityCode.MOTION_BLUR, String.format(Locale.ROOT, "motion blur: the "
                    + "detail is smeared in one direction (direction ratio %.2f, below %.2f); hold the camera still, "
                    + "or rest it, and take the photo again", m.directionRatio(), thresholds.maxDirectionRatio())));
        } else if (m.sharpness() < thresholds.minSharpness()) {
            problems.add(new QualityProblem(QualityCode.BLURRED, String.format(Locale.ROOT, "blurred: sharpness "
                    + "%.0f is below %.0f; focus on the skin (tap it on a phone) and take the photo again",
                    m.sharpness(), thresholds.minSharpness())));
        }
        if (m.meanLuminance() < thresholds.minMeanLuminance() || m.darkShare() > thresholds.maxDarkShare()) {
            problems.add(new QualityProblem(QualityCode.TOO_DARK, String.format(Locale.ROOT, "too dark: mean "
                    + "brightness %.0f of 255 (at least %.0f wanted), %.0f %% of the pixels black; add light and "
                    + "take the photo again", m.meanLuminance(), thresholds.minMeanLuminance(),
                    100 * m.darkShare())));
        }
        if (m.meanLuminance() > thresholds.maxMeanLuminance() || m.brightShare() > thresholds.maxBrightShare()) {
            problems.add(new QualityProblem(QualityCode.OVEREXPOSED, String.format(Locale.ROOT, "overexposed: mean "
                    + "brightness %.0f of 255 (at most %.0f wanted), %.0f %% of the pixels blown to white; avoid "
                    + "direct flash or sun and take the photo again", m.meanLuminance(),
                    thresholds.maxMeanLuminance(), 100 * m.brightShare())));
        }
        if (m.upscale() > thresholds.maxUpscale()) {
            problems.add(new QualityProblem(QualityCode.LOW_RESOLUTION, String.format(Locale.ROOT, "low resolution: "
                    + "the analysed area is only %d x %d pixels and was enlarged %.1f times for the model (at most "
                    + "%.1f); use the original photo, or come closer", regionWidth, regionHeight, m.upscale(),
                    thresholds.maxUpscale())));
        }
        if (m.cast() > thresholds.maxCast()) {
            problems.add(new QualityProblem(QualityCode.COLOUR_CAST, String.format(Locale.ROOT, "colour cast: the "
                    + "whites and highlights are tinted %s (%.0f from neutral or skin, at most %.0f); take the photo in "
                    + "daylight or under white light", tint(m.highlightA(), m.highlightB()), m.cast(), thresholds.maxCast())));
        }
        return problems;
    }

    /** The tint's direction in words, from the a*b* hue angle. */
    private static String tint(double a, double b) {
        double hue = Math.toDegrees(Math.atan2(b, a));
        hue = hue < 0 ? hue + 360 : hue;
        String[] names = {"magenta-red", "orange", "yellow", "yellow-green", "green", "cyan", "blue", "violet"};
        return names[(int) Math.floor(((hue + 22.5) % 360) / 45)];
    }
}
