package ai.haski.desktop.ui.result;

import ai.haski.desktop.analysis.OcclusionMap;

/**
 * The overlay's diverging colour scale, symmetric around 0 and scaled by the map's largest |value|: blue where
 * covering a cell raised the label (it argued against), red where it lowered it (it supported), transparent where
 * it changed nothing. Strength is carried by alpha, so weak cells leave the photo visible. No toolkit needed.
 */
public final class HeatScale {
    /** ColorBrewer RdBu ends: a diverging pair that stays apart for the commonest colour blindness. */
    static final int AGAINST_RGB = 0x2166AC;
    static final int FOR_RGB = 0xB2182B;

    private HeatScale() {}

    /** The largest |value| of the map; 0 when every cell is 0. */
    public static double maxAbs(OcclusionMap map) {
        double max = 0;
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                max = Math.max(max, Math.abs(map.value(r, c)));
            }
        }
        return max;
    }

    /** The ARGB colour of {@code value} on a scale whose ends are {@code -maxAbs} and {@code +maxAbs}. */
    public static int argb(double value, double maxAbs) {
        if (!(maxAbs > 0) || value == 0 || !Double.isFinite(value)) {
            return 0;
        }
        double t = Math.max(-1, Math.min(1, value / maxAbs));
        int alpha = (int) Math.round(Math.abs(t) * 255);
        return alpha << 24 | (t > 0 ? FOR_RGB : AGAINST_RGB);
    }
}
