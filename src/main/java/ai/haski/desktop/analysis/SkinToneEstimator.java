package ai.haski.desktop.analysis;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Estimates the {@link SkinTone} of a rectangle of an upright sRGB picture.
 *
 * <p>Skin pixels: those whose chroma in full-range YCbCr (ITU-R BT.601) lies in Cb 77-127 and Cr 133-173, the
 * skin-colour map of Chai and Ngan (1999), which holds skin of every tone because it ignores luma; pixels with luma
 * under 40 or over 250 are left out as too dark or clipped to show a colour. Each skin pixel is converted to CIELAB
 * (sRGB companding, the sRGB D65 matrix, white point D65) and the ITA is taken of the mean L* and b*, as
 * {@code atan2(L* - 50, b*)}: the same angle as arctan((L* - 50) / b*) for the positive b* of skin, and defined
 * where b* is 0. A large rectangle is read on a regular grid of about {@link #SAMPLES} pixels, which gives the
 * mean as well as every pixel would at a fraction of the cost. With fewer than {@link #MIN_PIXELS} skin pixels there
 * is no estimate.
 */
public final class SkinToneEstimator {
    /** Below this many skin pixels (a 16 x 16 patch) a few compression artefacts would decide the mean. */
    public static final int MIN_PIXELS = 256;
    /** About how many pixels of a rectangle are read: every pixel of a smaller one, a regular grid of a larger. */
    public static final int SAMPLES = 10_000;

    private static final double[] LINEAR = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            double c = v / 255.0;
            LINEAR[v] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private SkinToneEstimator() {}

    /** The skin tone of the rectangle, cut to the picture; empty with too few skin pixels. */
    public static Optional<SkinTone> estimate(BufferedImage picture, int x, int y, int width, int height) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(picture.getWidth(), x + width);
        int y1 = Math.min(picture.getHeight(), y + height);
        if (x1 <= x0 || y1 <= y0) {
            return Optional.empty();
        }
        long area = (long) (x1 - x0) * (y1 - y0);
        int step = (int) Math.max(1, Math.round(Math.sqrt(area / (double) SAMPLES)));
        int[] row = new int[x1 - x0];
        boolean packed = picture.getType() == BufferedImage.TYPE_INT_RGB;
        double sumL = 0;
        double sumB = 0;
        int count = 0;
        for (int py = y0; py < y1; py += step) {
            if (packed) {
                // Packed 0xRRGGBB ints straight from the raster: getRGB would convert each through the colour model.
                picture.getRaster().getDataElements(x0, py, row.length, 1, row);
            } else {
                picture.getRGB(x0, py, row.length, 1, row, 0, row.length);
            }
            for (int px = 0; px < row.length; px += step) {
                int argb = row[px];
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if (!isSkin(r, g, b)) {
                    continue;
                }
                double[] lab = lab(r, g, b);
                sumL += lab[0];
                sumB += lab[2];
                count++;
            }
        }
        if (count < MIN_PIXELS) {
            return Optional.empty();
        }
        double ita = ita(sumL / count, sumB / count);
        return Optional.of(new SkinTone(ita, SkinToneGroup.of(ita), count));
    }

    /** The whole picture's skin tone. */
    public static Optional<SkinTone> estimate(BufferedImage picture) {
        return estimate(picture, 0, 0, picture.getWidth(), picture.getHeight());
    }

    /** ITA in degrees from L* and b*. */
    public static double ita(double lightness, double yellowness) {
        return Math.toDegrees(Math.atan2(lightness - 50, yellowness));
    }

    static boolean isSkin(int r, int g, int b) {
        double luma = 0.299 * r + 0.587 * g + 0.114 * b;
        double cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        double cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
        return luma >= 40 && luma <= 250 && cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173;
    }

    /** CIELAB (D65) of an 8-bit sRGB colour: {L*, a*, b*}. */
    static double[] lab(int r, int g, int b) {
        double lr = LINEAR[r];
        double lg = LINEAR[g];
        double lb = LINEAR[b];
        double x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
        double y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        double z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        double delta = 6.0 / 29;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
    }
}
