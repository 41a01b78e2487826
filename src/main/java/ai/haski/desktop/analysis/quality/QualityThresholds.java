package ai.haski.desktop.analysis.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each quality measure turns a photo poor. The defaults were chosen by measuring the public photos and
 * degraded copies of them (docs/QUALITY.md has the table and the command); the user can change each one in
 * {@code settings.json} under {@code "quality"}, by the names of {@link #SETTING_NAMES}.
 *
 * @param minSharpness       Laplacian variance below which the photo is blurred
 * @param softSharpness      Laplacian variance below which a photo with a low direction ratio is motion-blurred
 * @param maxDirectionRatio  direction ratio below which soft detail counts as motion blur rather than plain blur
 * @param minMeanLuminance   mean luma below which the photo is too dark
 * @param maxDarkShare       share of crushed pixels above which the photo is too dark
 * @param maxMeanLuminance   mean luma above which the photo is overexposed
 * @param maxBrightShare     share of blown pixels above which the photo is overexposed
 * @param maxUpscale         enlargement of the region into the model's input above which it is low resolution
 * @param maxCast            distance of the average colour from neutral-to-skin above which there is a colour cast
 */
public record QualityThresholds(double minSharpness, double softSharpness, double maxDirectionRatio,
        double minMeanLuminance, double maxDarkShare, double maxMeanLuminance, double maxBrightShare,
        double maxUpscale, double maxCast) {
    private static final Logger LOG = LoggerFactory.getLogger(QualityThresholds.class);

    /** The measured defaults (see docs/QUALITY.md). */
    public static final QualityThresholds DEFAULT = new QualityThresholds(50, 500, 0.2, 48, 0.5, 215, 0.08, 1.5, 10);

    /** The names in {@code settings.json}'s {@code "quality"} object, in the order of the components. */
    public static final List<String> SETTING_NAMES = List.of("min_sharpness", "soft_sharpness",
            "max_direction_ratio", "min_mean_luminance", "max_dark_share", "max_mean_luminance", "max_bright_share",
            "max_upscale", "max_cast");

    /**
     * The defaults with the user's settings over them; a name this version does not know, and a value that is not
     * a finite number of zero or more, is logged and ignored, so a typo never stops the app.
     */
    public static QualityThresholds fromSettings(Map<String, Double> settings) {
        List<Double> values = new ArrayList<>(DEFAULT.asSettings().values());
        settings.forEach((name, value) -> {
            int index = SETTING_NAMES.indexOf(name);
            if (index < 0) {
                LOG.warn("Ignoring quality setting \"{}\": not one of {}", name, SETTING_NAMES);
            } else if (value == null || !Double.isFinite(value) || value < 0) {
                LOG.warn("Ignoring quality setting \"{}\" in settings.json: {} is not a number of zero or more; "
                        + "using {}", name, value == null || value.isNaN() ? "its value" : value, values.get(index));
            } else {
                values.set(index, value);
            }
        });
        return new QualityThresholds(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
                values.get(5), values.get(6), values.get(7), values.get(8));
    }

    /** Each threshold by its settings name, in the order of {@link #SETTING_NAMES}. */
    public Map<String, Double> asSettings() {
        double[] values = {minSharpness, softSharpness, maxDirectionRatio, minMeanLuminance, maxDarkShare,
            maxMeanLuminance, maxBrightShare, maxUpscale, maxCast};
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            byName.put(SETTING_NAMES.get(i), values[i]);
        }
        return byName;
    }
}
