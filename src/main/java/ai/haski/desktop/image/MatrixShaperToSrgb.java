package ai.haski.desktop.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The conversion of 8-bit pixels from a matrix/TRC RGB profile (Adobe RGB, Display P3, ProPhoto: what cameras and
 * phones embed) to sRGB, worked out from the profile's own tags: each channel through its tone curve to linear light,
 * the 3 x 3 matrix to XYZ (D50, as the profile states it), the inverse of sRGB's matrix back to linear sRGB, clipped
 * to the sRGB gamut, and sRGB's tone curve inverted to 8 bits, rounded.
 *
 * <p>For such a pair of profiles this is the whole of what the ICC specification defines (every rendering intent is
 * colorimetric there), and it is what LittleCMS computes too, through its own 8-bit optimisations;
 * {@code MatrixShaperToSrgbTest} holds the two within one level over the RGB cube. It costs a few table lookups and
 * nine multiplications a pixel, against LittleCMS's 15 ns a pixel through {@code ColorConvertOp}, which made the
 * transform most of a wide-gamut photo's decode (docs/BENCHMARKS.md). The destination is the JDK's own sRGB profile,
 * the one {@code ColorConvertOp} converts to, so both paths aim at the same curves.
 *
 * <p>Profiles with lookup tables (A2B0 and the like) are not matrix/TRC profiles and are left to LittleCMS. Immutable
 * and thread-safe.
 */
final class MatrixShaperToSrgb {
    /** Linear light is looked up at this many steps from 0 to 1: fine enough that rounding to 8 bits decides. */
    private static final int LINEAR_STEPS = 1 << 16;
    private static final int TAG_A2B0 = 0x41324230;
    private static final int TAG_B2A0 = 0x42324130;
    private static final int TAG_A2B1 = 0x41324231;
    private static final int TAG_B2A1 = 0x42324131;

    /** Per source channel, the 256 levels as linear light. */
    private final float[][] toLinear;
    /** Source linear RGB to linear sRGB, row by row. */
    private final float[] matrix;
    /** Linear sRGB in {@link #LINEAR_STEPS} steps to the rounded 8-bit level. */
    private final byte[] toLevel;

    private MatrixShaperToSrgb(float[][] toLinear, float[] matrix, byte[] toLevel) {
        this.toLinear = toLinear;
        this.matrix = matrix;
        this.toLevel = toLevel;
    }

    /** The conversion for {@code profile}; empty when it is not a matrix/TRC RGB profile whose curves can be read. */
    static Optional<MatrixShaperToSrgb> of(ICC_Profile profile) {
        try {
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB || hasLookupTables(profile)) {
                return Optional.empty();
            }
            Optional<Shaper> source = Shaper.of(profile);
            Optional<Shaper> srgb = Shaper.of(ICC_Profile.getInstance(ColorSpace.CS_sRGB));
            if (source.isEmpty() || srgb.isEmpty()) {
                return Optional.empty();
            }
            double[] toSrgb = multiply(invert(srgb.get().toXyz()), source.get().toXyz());
            float[] matrix = new float[9];
            for (int i = 0; i < 9; i++) {
                matrix[i] = (float) toSrgb[i];
            }
            float[][] toLinear = new float[3][256];
            for (int channel = 0; channel < 3; channel++) {
                for (int level = 0; level < 256; level++) {
                    toLinear[channel][level] = (float) source.get().curves()[channel].apply(level / 255.0);
                }
            }
            return Optional.of(new MatrixShaperToSrgb(toLinear, matrix, inverse(srgb.get().curves())));
        } catch (IllegalArgumentException | java.awt.color.ProfileDataException e) {
            return Optional.empty();
        }
    }

    /**
     * Converts {@code rgb} (R, G, B bytes in the profile's space) to packed sRGB {@code 0xRRGGBB} ints in
     * {@code packed}, pixel for pixel.
     */
    void convert(byte[] rgb, int[] packed) {
        float[] red = toLinear[0];
        float[] green = toLinear[1];
        float[] blue = toLinear[2];
        float[] m = matrix;
        for (int i = 0, at = 0; i < packed.length; i++, at += 3) {
            float r = red[rgb[at] & 0xFF];
            float g = green[rgb[at + 1] & 0xFF];
            float b = blue[rgb[at + 2] & 0xFF];
            int outRed = level(m[0] * r + m[1] * g + m[2] * b);
            int outGreen = level(m[3] * r + m[4] * g + m[5] * b);
            int outBlue = level(m[6] * r + m[7] * g + m[8] * b);
            packed[i] = outRed << 16 | outGreen << 8 | outBlue;
        }
    }

    /** The 8-bit sRGB level of linear light {@code linear}, clipped to the gamut. */
    private int level(float linear) {
        int step = (int) (linear * (LINEAR_STEPS - 1) + 0.5f);
        return toLevel[Math.max(0, Math.min(LINEAR_STEPS - 1, step))] & 0xFF;
    }

    /**
     * For each step of linear light, the 8-bit level whose curve value is nearest in the encoded scale: the level
     * rounding would give after inverting the green curve (sRGB's three curves are one curve).
     */
    private static byte[] inverse(Curve[] curves) {
        Curve curve = curves[1];
        // Level k is chosen from the midpoint between k - 1 and k upwards; the curve is increasing.
        double[] thresholds = new double[256];
        for (int k = 1; k < 256; k++) {
            thresholds[k] = curve.apply((k - 0.5) / 255.0);
        }
        byte[] table = new byte[LINEAR_STEPS];
        int k = 0;
        for (int step = 0; step < LINEAR_STEPS; step++) {
            double linear = step / (double) (LINEAR_STEPS - 1);
            while (k < 255 && linear >= thresholds[k + 1]) {
                k++;
            }
            table[step] = (byte) k;
        }
        return table;
    }

    private static boolean hasLookupTables(ICC_Profile profile) {
        for (int tag : new int[] {TAG_A2B0, TAG_B2A0, TAG_A2B1, TAG_B2A1}) {
            if (profile.getData(tag) != null) {
                return true;
            }
        }
        return false;
    }

    /** A profile's colorants as a matrix from linear RGB to XYZ, and its three tone curves. */
    private record Shaper(double[] toXyz, Curve[] curves) {
        static Optional<Shaper> of(ICC_Profile profile) {
            int[] colorants = {ICC_Profile.icSigRedColorantTag, ICC_Profile.icSigGreenColorantTag,
                    ICC_Profile.icSigBlueColorantTag};
            int[] trcs = {ICC_Profile.icSigRedTRCTag, ICC_Profile.icSigGreenTRCTag, ICC_Profile.icSigBlueTRCTag};
            double[] toXyz = new double[9];
            Curve[] curves = new Curve[3];
            for (int channel = 0; channel < 3; channel++) {
                byte[] xyz = profile.getData(colorants[channel]);
                byte[] trc = profile.getData(trcs[channel]);
                if (xyz == null || trc == null || xyz.length < 20) {
                    return Optional.empty();
                }
                ByteBuffer colorant = ByteBuffer.wrap(xyz);
                for (int row = 0; row < 3; row++) {
                    // Column `channel` of the matrix: this primary's X, Y, Z.
                    toXyz[row * 3 + channel] = colorant.getInt(8 + 4 * row) / 65536.0;
                }
                Optional<Curve> curve = Curve.parse(trc);
                if (curve.isEmpty()) {
                    return Optional.empty();
                }
                curves[channel] = curve.get();
            }
            return Optional.of(new Shaper(toXyz, curves));
        }
    }

    /** An ICC tone curve, encoded value 0-1 to linear light 0-1: a table ('curv') or a function ('para'). */
    private interface Curve {
        double apply(double encoded);

        static Optional<Curve> parse(byte[] tag) {
            ByteBuffer data = ByteBuffer.wrap(tag);
            int type = data.getInt(0);
            if (type == 0x63757276) { // 'curv'
                int count = data.getInt(8);
                if (count == 0) {
                    return Optional.of(x -> x);
                }
                if (count == 1) {
                    double gamma = (data.getShort(12) & 0xFFFF) / 256.0;
                    return Optional.of(x -> Math.pow(x, gamma));
                }
                double[] table = new double[count];
                for (int i = 0; i < count; i++) {
                    table[i] = (data.getShort(12 + 2 * i) & 0xFFFF) / 65535.0;
                }
                return Optional.of(x -> interpolate(table, x));
            }
            if (type == 0x70617261) { // 'para'
                int function = data.getShort(8) & 0xFFFF;
                int[] counts = {1, 3, 4, 5, 7};
                if (function >= counts.length) {
                    return Optional.empty();
                }
                double[] p = new double[7];
                for (int i = 0; i < counts[function]; i++) {
                    p[i] = data.getInt(12 + 4 * i) / 65536.0;
                }
                return Optional.of(parametric(function, p));
            }
            return Optional.empty();
        }

        /** ICC.1 table 68: g, a, b, c, d, e, f as the function type uses them. */
        private static Curve parametric(int function, double[] p) {
            double g = p[0];
            double a = p[1];
            double b = p[2];
            double c = p[3];
            double d = p[4];
            double e = p[5];
            double f = p[6];
            return switch (function) {
                case 0 -> x -> Math.pow(x, g);
                case 1 -> x -> x >= -b / a ? Math.pow(a * x + b, g) : 0;
                case 2 -> x -> x >= -b / a ? Math.pow(a * x + b, g) + c : c;
                case 3 -> x -> x >= d ? Math.pow(a * x + b, g) : c * x;
                default -> x -> x >= d ? Math.pow(a * x + b, g) + e : c * x + f;
            };
        }

        private static double interpolate(double[] table, double x) {
            double position = Math.max(0, Math.min(1, x)) * (table.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(table.length - 1, below + 1);
            double fraction = position - below;
            return table[below] + (table[above] - table[below]) * fraction;
        }
    }

    private static double[] multiply(double[] left, double[] right) {
        double[] product = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += left[row * 3 + k] * right[k * 3 + column];
                }
                product[row * 3 + column] = sum;
            }
        }
        return product;
    }

    private static double[] invert(double[] m) {
        double a = m[0];
        double b = m[1];
        double c = m[2];
        double d = m[3];
        double e = m[4];
        double f = m[5];
        double g = m[6];
        double h = m[7];
        double i = m[8];
        double determinant = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (Math.abs(determinant) < 1e-12) {
            throw new IllegalArgumentException("the colorants are not independent");
        }
        return new double[] {
            (e * i - f * h) / determinant, (c * h - b * i) / determinant, (b * f - c * e) / determinant,
            (f * g - d * i) / determinant, (a * i - c * g) / determinant, (c * d - a * f) / determinant,
            (d * h - e * g) / determinant, (b * g - a * h) / determinant, (a * e - b * d) / determinant};
    }
}
