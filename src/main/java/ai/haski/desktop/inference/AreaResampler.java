package ai.haski.desktop.inference;

import java.awt.image.BufferedImage;

/**
 * Resizes a rectangle of an RGB picture to a new size, one axis at a time: area averaging where it shrinks, bilinear
 * interpolation where it grows, an exact copy where the size is unchanged (see {@link AxisWeights}).
 *
 * <p>Keeps its working rows between calls, so resizing picture after picture allocates nothing large; one instance
 * must therefore not be shared between threads.
 */
final class AreaResampler {
    private int[] sourceRow = new int[0];
    private float[] horizontallyResized = new float[0];

    /**
     * Writes {@code targetWidth * targetHeight} pixels as interleaved red, green, blue floats on the 0-255 scale
     * (not rounded) into {@code out}, starting at index 0.
     *
     * @param image a {@code TYPE_INT_RGB} picture
     */
    void resize(BufferedImage image, int sourceX, int sourceY, int sourceWidth, int sourceHeight,
            int targetWidth, int targetHeight, float[] out) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected a TYPE_INT_RGB image, got type " + image.getType());
        }
        if (out.length < targetWidth * targetHeight * 3) {
            throw new IllegalArgumentException("output array too small");
        }
        AxisWeights columns = AxisWeights.between(sourceWidth, targetWidth);
        AxisWeights rows = AxisWeights.between(sourceHeight, targetHeight);
        int rowFloats = targetWidth * 3;
        sourceRow = grown(sourceRow, sourceWidth);
        horizontallyResized = grown(horizontallyResized, sourceHeight * rowFloats);

        for (int y = 0; y < sourceHeight; y++) {
            // For TYPE_INT_RGB a raster row comes back as packed 0xRRGGBB ints, whatever its offsets and stride.
            image.getRaster().getDataElements(sourceX, sourceY + y, sourceWidth, 1, sourceRow);
            int base = y * rowFloats;
            for (int x = 0; x < targetWidth; x++) {
                float red = 0;
                float green = 0;
                float blue = 0;
                int firstColumn = columns.first(x);
                for (int tap = 0; tap < columns.count(x); tap++) {
                    int pixel = sourceRow[firstColumn + tap];
                    float weight = columns.weight(x, tap);
                    red += weight * ((pixel >> 16) & 0xFF);
                    green += weight * ((pixel >> 8) & 0xFF);
                    blue += weight * (pixel & 0xFF);
                }
                horizontallyResized[base + x * 3] = red;
                horizontallyResized[base + x * 3 + 1] = green;
                horizontallyResized[base + x * 3 + 2] = blue;
            }
        }

        for (int y = 0; y < targetHeight; y++) {
            int firstRow = rows.first(y);
            int targetBase = y * rowFloats;
            for (int i = 0; i < rowFloats; i++) {
                float sum = 0;
                for (int tap = 0; tap < rows.count(y); tap++) {
                    sum += rows.weight(y, tap) * horizontallyResized[(firstRow + tap) * rowFloats + i];
                }
                out[targetBase + i] = sum;
            }
        }
    }

    static float[] grown(float[] array, int length) {
        return array.length >= length ? array : new float[length];
    }

    private static int[] grown(int[] array, int length) {
        return array.length >= length ? array : new int[length];
    }
}
