package ai.haski.desktop.image;

/**
 * For one axis of a resize, which source samples each target sample is made of and with what weights.
 *
 * <p>Shrinking averages areas: target sample i covers the source interval [i * s, (i + 1) * s) with s = source /
 * target, and every source sample counts by how much of it lies inside (a box filter with fractional coverage, like
 * OpenCV's INTER_AREA). Enlarging interpolates linearly between the two nearest source samples, with sample centres
 * at half-pixel positions (as OpenCV's INTER_LINEAR and PIL do). Equal lengths copy samples exactly.
 */
final class AxisWeights {
    private final int[] first;
    private final int[] count;
    private final float[] weights;
    /**
     * For a copy or an area average, each weight as a whole number of {@code 1 / denominator}: the weights are
     * rational there, so sums of 8-bit levels times these units are exact integers. Null for interpolation.
     */
    private final int[] units;
    private final int denominator;
    private final int stride;

    private AxisWeights(int targetLength, int stride, int denominator) {
        this.first = new int[targetLength];
        this.count = new int[targetLength];
        this.weights = new float[targetLength * stride];
        this.units = denominator > 0 ? new int[targetLength * stride] : null;
        this.denominator = denominator;
        this.stride = stride;
    }

    static AxisWeights between(int sourceLength, int targetLength) {
        if (sourceLength <= 0 || targetLength <= 0) {
            throw new IllegalArgumentException("lengths must be positive, got " + sourceLength + " -> " + targetLength);
        }
        if (sourceLength == targetLength) {
            return identity(targetLength);
        }
        return sourceLength > targetLength ? area(sourceLength, targetLength) : linear(sourceLength, targetLength);
    }

    int targetLength() {
        return first.length;
    }

    int first(int target) {
        return first[target];
    }

    int count(int target) {
        return count[target];
    }

    float weight(int target, int tap) {
        return weights[target * stride + tap];
    }

    /** Whether every weight is a whole number of {@code 1 / denominator()} (a copy or an area average). */
    boolean whole() {
        return units != null;
    }

    /** The weight times {@link #denominator()}, exactly; only when {@link #whole()}. */
    int units(int target, int tap) {
        return units[target * stride + tap];
    }

    int denominator() {
        return denominator;
    }

    private static AxisWeights identity(int length) {
        AxisWeights table = new AxisWeights(length, 1, 1);
        for (int i = 0; i < length; i++) {
            table.first[i] = i;
            table.count[i] = 1;
            table.weights[i] = 1f;
            table.units[i] = 1;
        }
        return table;
    }

    /**
     * Works in units of 1 / target of a source sample, so every interval end is a whole number and no rounding can
     * add a spurious sliver of a neighbouring sample: source sample j spans [j * target, (j + 1) * target) and target
     * sample i spans [i * source, (i + 1) * source).
     */
    private static AxisWeights area(int source, int target) {
        int maxTaps = source / target + 2;
        AxisWeights table = new AxisWeights(target, maxTaps, source);
        for (int i = 0; i < target; i++) {
            long start = (long) i * source;
            long end = start + source;
            int firstSample = (int) (start / target);
            int lastSample = (int) ((end - 1) / target);
            table.first[i] = firstSample;
            table.count[i] = lastSample - firstSample + 1;
            for (int j = firstSample; j <= lastSample; j++) {
                long overlap = Math.min(end, (long) (j + 1) * target) - Math.max(start, (long) j * target);
                table.weights[i * maxTaps + j - firstSample] = (float) ((double) overlap / source);
                table.units[i * maxTaps + j - firstSample] = (int) overlap;
            }
        }
        return table;
    }

    private static AxisWeights linear(int source, int target) {
        AxisWeights table = new AxisWeights(target, 2, 0);
        double scale = (double) source / target;
        for (int i = 0; i < target; i++) {
            double position = (i + 0.5) * scale - 0.5;
            if (position <= 0) {
                table.setSingle(i, 0);
            } else if (position >= source - 1) {
                table.setSingle(i, source - 1);
            } else {
                int left = (int) Math.floor(position);
                float fraction = (float) (position - left);
                table.first[i] = left;
                table.count[i] = 2;
                table.weights[i * 2] = 1f - fraction;
                table.weights[i * 2 + 1] = fraction;
            }
        }
        return table;
    }

    private void setSingle(int target, int sample) {
        first[target] = sample;
        count[target] = 1;
        weights[target * stride] = 1f;
    }
}
