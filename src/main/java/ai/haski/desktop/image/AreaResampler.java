package ai.haski.desktop.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Resizes a rectangle of an RGB picture to a new size, one axis at a time: area averaging where it shrinks, bilinear
 * interpolation where it grows, an exact copy where the size is unchanged (see {@link AxisWeights}).
 *
 * <p>The vertical pass runs first: each output row is the weighted sum of the few source rows under it, summed
 * across the whole row in one straight loop over contiguous arrays, in exact integer units when the weights are an
 * area average's, and only then is that one row resized horizontally. Shrinking a 1000 x 750 decode to 224 x 224
 * this way reads each source row once (twice where it straddles two output rows) and does the gather-style
 * horizontal work on 224 rows instead of 750; it took two fifths of the time of the horizontal-first order in
 * float (3.14 against 1.24 ms on the 2-core Xeon, docs/BENCHMARKS.md).
 *
 * <p>Keeps its working rows between calls, so resizing picture after picture allocates nothing large; one instance
 * must therefore not be shared between threads.
 */
public final class AreaResampler {
    private int[] sourceRow = new int[0];
    private float[] red = new float[0];
    private float[] green = new float[0];
    private float[] blue = new float[0];
    private int[] redUnits = new int[0];
    private int[] greenUnits = new int[0];
    private int[] blueUnits = new int[0];

    /**
     * Writes {@code targetWidth * targetHeight} pixels as interleaved red, green, blue floats on the 0-255 scale
     * (not rounded) into {@code out}, starting at index 0.
     *
     * @param image a {@code TYPE_INT_RGB} picture
     */
    public void resize(BufferedImage image, int sourceX, int sourceY, int sourceWidth, int sourceHeight,
            int targetWidth, int targetHeight, float[] out) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected a TYPE_INT_RGB image, got type " + image.getType());
        }
        if (out.length < targetWidth * targetHeight * 3) {
            throw new IllegalArgumentException("output array too small");
        }
        AxisWeights columns = AxisWeights.between(sourceWidth, targetWidth);
        AxisWeights rows = AxisWeights.between(sourceHeight, targetHeight);
        sourceRow = grown(sourceRow, sourceWidth);
        red = grown(red, sourceWidth);
        green = grown(green, sourceWidth);
        blue = grown(blue, sourceWidth);
        if (rows.whole()) {
            redUnits = grown(redUnits, sourceWidth);
            greenUnits = grown(greenUnits, sourceWidth);
            blueUnits = grown(blueUnits, sourceWidth);
        }
        Raster raster = image.getRaster();

        for (int y = 0; y < targetHeight; y++) {
            float rowScale = rows.whole() ? sumRowsExactly(raster, rows, y, sourceX, sourceY, sourceWidth)
                    : sumRows(raster, rows, y, sourceX, sourceY, sourceWidth);
            resizeRow(columns, targetWidth, rowScale, out, y * targetWidth * 3);
        }
    }

    /**
     * Sums the source rows under output row {@code y}, weighted by whole units, into the row sums as exact integers
     * (held as floats, which represent them exactly: at most 255 times the source height); returns the factor that
     * turns them into levels. Integer multiply-adds on contiguous arrays are what the JIT vectorises best.
     */
    private float sumRowsExactly(Raster raster, AxisWeights rows, int y, int sourceX, int sourceY, int width) {
        int[] r = redUnits;
        int[] g = greenUnits;
        int[] b = blueUnits;
        Arrays.fill(r, 0, width, 0);
        Arrays.fill(g, 0, width, 0);
        Arrays.fill(b, 0, width, 0);
        int firstRow = rows.first(y);
        int[] pixels = sourceRow;
        for (int tap = 0; tap < rows.count(y); tap++) {
            // For TYPE_INT_RGB a raster row comes back as packed 0xRRGGBB ints, whatever its offsets and stride.
            raster.getDataElements(sourceX, sourceY + firstRow + tap, width, 1, pixels);
            int units = rows.units(y, tap);
            for (int x = 0; x < width; x++) {
                int pixel = pixels[x];
                r[x] += units * ((pixel >> 16) & 0xFF);
                g[x] += units * ((pixel >> 8) & 0xFF);
                b[x] += units * (pixel & 0xFF);
            }
        }
        for (int x = 0; x < width; x++) {
            red[x] = r[x];
            green[x] = g[x];
            blue[x] = b[x];
        }
        return 1f / rows.denominator();
    }

    /** Sums the source rows under output row {@code y} with interpolation weights into the row sums. */
    private float sumRows(Raster raster, AxisWeights rows, int y, int sourceX, int sourceY, int width) {
        Arrays.fill(red, 0, width, 0f);
        Arrays.fill(green, 0, width, 0f);
        Arrays.fill(blue, 0, width, 0f);
        int firstRow = rows.first(y);
        for (int tap = 0; tap < rows.count(y); tap++) {
            raster.getDataElements(sourceX, sourceY + firstRow + tap, width, 1, sourceRow);
            float weight = rows.weight(y, tap);
            for (int x = 0; x < width; x++) {
                int pixel = sourceRow[x];
                red[x] += weight * ((pixel >> 16) & 0xFF);
                green[x] += weight * ((pixel >> 8) & 0xFF);
                blue[x] += weight * (pixel & 0xFF);
            }
        }
        return 1f;
    }

    /**
     * Resizes the summed row horizontally into {@code out} from index {@code base}, interleaved, multiplying by
     * {@code rowScale} last.
     */
    private void resizeRow(AxisWeights columns, int targetWidth, float rowScale, float[] out, int base) {
        for (int x = 0; x < targetWidth; x++) {
            float r = 0;
            float g = 0;
            float b = 0;
            int firstColumn = columns.first(x);
            for (int tap = 0; tap < columns.count(x); tap++) {
                float weight = columns.weight(x, tap);
                int column = firstColumn + tap;
                r += weight * red[column];
                g += weight * green[column];
                b += weight * blue[column];
            }
            out[base + x * 3] = r * rowScale;
            out[base + x * 3 + 1] = g * rowScale;
            out[base + x * 3 + 2] = b * rowScale;
        }
    }

    /** {@code array} when it holds at least {@code length} values, else a new one that does. */
    public static float[] grown(float[] array, int length) {
        return array.length >= length ? array : new float[length];
    }

    private static int[] grown(int[] array, int length) {
        return array.length >= length ? array : new int[length];
    }
}
