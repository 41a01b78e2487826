package ai.haski.desktop.analysis.quality;

/** sRGB (0-255, gamma-encoded) to CIELAB under the D65 white, by the published sRGB and CIE 1976 formulas. */
final class CieLab {
    private static final double WHITE_X = 0.95047;
    private static final double WHITE_Z = 1.08883;

    private CieLab() {}

    /** {L*, a*, b*}. */
    static double[] fromSrgb(double red, double green, double blue) {
        double r = linear(red / 255);
        double g = linear(green / 255);
        double b = linear(blue / 255);
        double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        double fx = f(x / WHITE_X);
        double fy = f(y);
        double fz = f(z / WHITE_Z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(double encoded) {
        return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        double delta = 6.0 / 29;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
    }
}
