package ai.haski.desktop.analysis.quality;

import java.awt.image.BufferedImage;

/**
 * Measures a picture for {@link QualityCheck}: sharpness, the direction of its blur, exposure and colour cast, all at
 * the {@link WorkingPicture#WORKING_SIDE working size}, plus how far the model's input enlarges the analysed region.
 * A few milliseconds for a picture decoded at about the model's input size; it reads no file.
 */
final class PictureMeasurer {
    /**
     * CIELAB a* and b* of an average light-to-medium skin tone (a common value in the dermatology colour literature):
     * a close-up of skin averages to about this, so a warm average up to it is no cast.
     */
    static final double SKIN_A = 14;
    static final double SKIN_B = 17;

    /**
     * The share of the usable pixels whose colour stands for the light: whites and highlights reflect the lamp's
     * colour whatever the scene, where the average of a warm scene (skin, a cat, coffee) is warm under neutral light.
     */
    static final double HIGHLIGHT_SHARE = 0.1;

    private PictureMeasurer() {}

    /**
     * @param picture      the picture the model is given (already decoded, upright, perhaps subsampled)
     * @param regionWidth  the analysed region's width in pixels of the original upright photo
     * @param regionHeight the analysed region's height in pixels of the original upright photo
     * @param inputWidth   the model's input width
     * @param inputHeight  the model's input height
     */
    static QualityMeasures measure(BufferedImage picture, int regionWidth, int regionHeight, int inputWidth,
            int inputHeight) {
        WorkingPicture working = WorkingPicture.of(picture);
        float[] luma = working.luma();
        double[] detail = detail(luma, working.width, working.height);
        double[] exposure = exposure(luma);
        double[] lab = averageLab(working, luma);
        double upscale = Math.max(inputWidth / (double) regionWidth, inputHeight / (double) regionHeight);
        return new QualityMeasures(detail[0], detail[1], exposure[0], exposure[1], exposure[2], upscale, lab[0],
                lab[1], lab[2], lab[3], castDistance(lab[2], lab[3]));
    }

    /** {laplacian variance, weakest / strongest directional second-difference energy}. */
    private static double[] detail(float[] luma, int width, int height) {
        if (width < 3 || height < 3) {
            return new double[] {0, 1};
        }
        double sum = 0;
        double sumSquares = 0;
        double horizontal = 0;
        double vertical = 0;
        double diagonal = 0;
        double antiDiagonal = 0;
        long count = 0;
        for (int y = 1; y < height - 1; y++) {
            int row = y * width;
            for (int x = 1; x < width - 1; x++) {
                int i = row + x;
                float centre = 2 * luma[i];
                float dx = luma[i - 1] + luma[i + 1] - centre;
                float dy = luma[i - width] + luma[i + width] - centre;
                // The diagonal neighbours are sqrt(2) away, so their second difference is halved to compare.
                float dd = (luma[i - width - 1] + luma[i + width + 1] - centre) * 0.5f;
                float da = (luma[i - width + 1] + luma[i + width - 1] - centre) * 0.5f;
                float laplacian = dx + dy;
                sum += laplacian;
                sumSquares += (double) laplacian * laplacian;
                horizontal += dx * dx;
                vertical += dy * dy;
                diagonal += dd * dd;
                antiDiagonal += da * da;
                count++;
            }
        }
        double mean = sum / count;
        double variance = sumSquares / count - mean * mean;
        double strongest = Math.max(Math.max(horizontal, vertical), Math.max(diagonal, antiDiagonal));
        double weakest = Math.min(Math.min(horizontal, vertical), Math.min(diagonal, antiDiagonal));
        // A flat picture has no direction: its ratio would only compare rounding errors.
        boolean flat = strongest / count < 1e-6;
        return new double[] {variance, flat ? 1 : weakest / strongest};
    }

    /** {mean luma, dark share, bright share}. */
    private static double[] exposure(float[] luma) {
        double sum = 0;
        int dark = 0;
        int bright = 0;
        for (float value : luma) {
            sum += value;
            if (value < QualityMeasures.DARK_LUMA) {
                dark++;
            } else if (value > QualityMeasures.BRIGHT_LUMA) {
                bright++;
            }
        }
        double n = luma.length;
        return new double[] {sum / n, dark / n, bright / n};
    }

    /**
     * {a*, b*} of the grey-world average (every pixel neither crushed nor blown: clipped pixels carry no colour) and
     * {a*, b*} of the highlights (the brightest {@link #HIGHLIGHT_SHARE} of those pixels), in CIELAB under D65;
     * neutral grey when every pixel is clipped.
     */
    private static double[] averageLab(WorkingPicture working, float[] luma) {
        int[] histogram = new int[256];
        for (float value : luma) {
            histogram[Math.min(255, (int) value)]++;
        }
        int usable = 0;
        for (int v = QualityMeasures.DARK_LUMA; v <= QualityMeasures.BRIGHT_LUMA; v++) {
            usable += histogram[v];
        }
        if (usable == 0) {
            return new double[] {0, 0, 0, 0};
        }
        // The highlight floor: the luma above which the brightest share of the usable pixels lies.
        int floor = QualityMeasures.BRIGHT_LUMA;
        for (int above = 0; floor > QualityMeasures.DARK_LUMA; floor--) {
            above += histogram[floor];
            if (above >= usable * HIGHLIGHT_SHARE) {
                break;
            }
        }
        double[] all = new double[3];
        double[] highlights = new double[3];
        long allCount = 0;
        long highlightCount = 0;
        for (int i = 0; i < luma.length; i++) {
            int value = (int) luma[i];
            if (value >= QualityMeasures.DARK_LUMA && value <= QualityMeasures.BRIGHT_LUMA) {
                all[0] += working.red[i];
                all[1] += working.green[i];
                all[2] += working.blue[i];
                allCount++;
                if (value >= floor) {
                    highlights[0] += working.red[i];
                    highlights[1] += working.green[i];
                    highlights[2] += working.blue[i];
                    highlightCount++;
                }
            }
        }
        double[] mean = CieLab.fromSrgb(all[0] / allCount, all[1] / allCount, all[2] / allCount);
        double[] bright = CieLab.fromSrgb(highlights[0] / highlightCount, highlights[1] / highlightCount,
                highlights[2] / highlightCount);
        return new double[] {mean[1], mean[2], bright[1], bright[2]};
    }

    /** Distance from (a, b) to the segment from neutral (0, 0) to the average skin tone's (a*, b*). */
    static double castDistance(double a, double b) {
        double lengthSquared = SKIN_A * SKIN_A + SKIN_B * SKIN_B;
        double t = Math.max(0, Math.min(1, (a * SKIN_A + b * SKIN_B) / lengthSquared));
        return Math.hypot(a - t * SKIN_A, b - t * SKIN_B);
    }
}
