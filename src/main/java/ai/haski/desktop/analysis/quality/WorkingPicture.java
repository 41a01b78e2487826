package ai.haski.desktop.analysis.quality;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The picture the quality measures look at: red, green and blue planes (0-255, not rounded) shrunk by area averaging
 * so that the shorter side is {@link #WORKING_SIDE} pixels. Measuring at one fixed size is what makes a sharpness
 * value mean the same for a 12 MP photo decoded at 1/8 and for a small PNG decoded whole; a picture already
 * smaller is kept at its own size (it is then flagged for its resolution, not judged on invented detail).
 */
final class WorkingPicture {
    /** The shorter side the measures work at: the usual model input, so they see about what the model sees. */
    static final int WORKING_SIDE = 224;

    final int width;
    final int height;
    final float[] red;
    final float[] green;
    final float[] blue;

    private WorkingPicture(int width, int height) {
        this.width = width;
        this.height = height;
        int size = width * height;
        red = new float[size];
        green = new float[size];
        blue = new float[size];
    }

    /** Shrinks {@code picture} (any type; read through its colour model as sRGB) to the working size. */
    static WorkingPicture of(BufferedImage picture) {
        int sourceWidth = picture.getWidth();
        int sourceHeight = picture.getHeight();
        double scale = Math.min(1.0, WORKING_SIDE / (double) Math.min(sourceWidth, sourceHeight));
        int width = Math.max(1, (int) Math.round(sourceWidth * scale));
        int height = Math.max(1, (int) Math.round(sourceHeight * scale));
        WorkingPicture out = new WorkingPicture(width, height);
        Footprints columns = Footprints.between(sourceWidth, width);
        Footprints rows = Footprints.between(sourceHeight, height);

        // Rows are shrunk one at a time into the three planes' running sums, so no full-size copy is ever made.
        boolean packed = picture.getType() == BufferedImage.TYPE_INT_RGB;
        int[] row = new int[sourceWidth];
        float[] rowRed = new float[width];
        float[] rowGreen = new float[width];
        float[] rowBlue = new float[width];
        int[] firstTarget = columns.firstTarget();
        float[] firstWeight = columns.firstWeight();
        float[] secondWeight = columns.secondWeight();
        for (int y = 0; y < sourceHeight; y++) {
            if (packed) {
                // For TYPE_INT_RGB a raster row is packed 0xRRGGBB ints, whatever its offsets and stride; far cheaper
                // than getRGB, which converts pixel by pixel through the colour model.
                picture.getRaster().getDataElements(0, y, sourceWidth, 1, row);
            } else {
                picture.getRGB(0, y, sourceWidth, 1, row, 0, sourceWidth);
            }
            Arrays.fill(rowRed, 0f);
            Arrays.fill(rowGreen, 0f);
            Arrays.fill(rowBlue, 0f);
            for (int x = 0; x < sourceWidth; x++) {
                int rgb = row[x];
                float r = (rgb >> 16) & 0xFF;
                float g = (rgb >> 8) & 0xFF;
                float b = rgb & 0xFF;
                int target = firstTarget[x];
                float weight = firstWeight[x];
                rowRed[target] += weight * r;
                rowGreen[target] += weight * g;
                rowBlue[target] += weight * b;
                float second = secondWeight[x];
                if (second > 0f) {
                    rowRed[target + 1] += second * r;
                    rowGreen[target + 1] += second * g;
                    rowBlue[target + 1] += second * b;
                }
            }
            for (int k = 0; k < rows.count(y); k++) {
                int base = rows.target(y, k) * width;
                float weight = rows.weight(y, k);
                for (int x = 0; x < width; x++) {
                    out.red[base + x] += weight * rowRed[x];
                    out.green[base + x] += weight * rowGreen[x];
                    out.blue[base + x] += weight * rowBlue[x];
                }
            }
        }
        return out;
    }

    /** Rec. 709 luma of the gamma-encoded values, 0-255: brightness as a viewer judges it. */
    float[] luma() {
        float[] luma = new float[red.length];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = 0.2126f * red[i] + 0.7152f * green[i] + 0.0722f * blue[i];
        }
        return luma;
    }

    /**
     * For each source index along one axis, the one or two target cells its extent overlaps and the share of that
     * target cell it makes up: area averaging from {@code source} cells down to {@code target} cells.
     */
    private record Footprints(int[] firstTarget, float[] firstWeight, float[] secondWeight) {
        static Footprints between(int source, int target) {
            int[] first = new int[source];
            float[] firstWeight = new float[source];
            float[] secondWeight = new float[source];
            double ratio = target / (double) source;
            for (int i = 0; i < source; i++) {
                // Source cell i spans [i, i+1) which is [i*ratio, (i+1)*ratio) in target units, narrower than one
                // target cell because we only ever shrink; it lies in one cell or straddles two.
                double start = i * ratio;
                double end = (i + 1) * ratio;
                int cell = Math.min(target - 1, (int) Math.floor(start));
                first[i] = cell;
                double boundary = cell + 1;
                if (end > boundary && cell + 1 < target) {
                    firstWeight[i] = (float) (boundary - start);
                    secondWeight[i] = (float) (end - boundary);
                } else {
                    firstWeight[i] = (float) (end - start);
                }
            }
            return new Footprints(first, firstWeight, secondWeight);
        }

        int count(int source) {
            return secondWeight[source] > 0f ? 2 : 1;
        }

        int target(int source, int k) {
            return firstTarget[source] + k;
        }

        float weight(int source, int k) {
            return k == 0 ? firstWeight[source] : secondWeight[source];
        }
    }
}
