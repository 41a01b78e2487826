package ai.haski.desktop.analysis.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code "quality"} object of the result JSON: the verdict, the problems, and the measured values. */
public final class QualityJson {
    private QualityJson() {}

    /** Adds {@code "quality"} to {@code result}. */
    public static void put(ObjectNode result, PhotoQuality quality) {
        ObjectNode json = result.putObject("quality");
        json.put("verdict", quality.verdict());
        var problems = json.putArray("problems");
        quality.problems().forEach(p -> problems.addObject().put("code", p.code().name()).put("message", p.message()));
        QualityMeasures m = quality.measures();
        json.put("sharpness", round(m.sharpness(), 1));
        json.put("direction_ratio", round(m.directionRatio(), 3));
        json.put("mean_luminance", round(m.meanLuminance(), 1));
        json.put("dark_share", round(m.darkShare(), 3));
        json.put("bright_share", round(m.brightShare(), 3));
        json.put("upscale", round(m.upscale(), 3));
        json.put("mean_a", round(m.meanA(), 2));
        json.put("mean_b", round(m.meanB(), 2));
        json.put("highlight_a", round(m.highlightA(), 2));
        json.put("highlight_b", round(m.highlightB(), 2));
        json.put("cast", round(m.cast(), 2));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
