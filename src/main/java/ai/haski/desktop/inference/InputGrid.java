package ai.haski.desktop.inference;

import ai.haski.desktop.model.TensorLayout;
import java.nio.FloatBuffer;

/**
 * A grid of cells over the part of a model's input that holds the picture, for occlusion sensitivity: each cell's
 * edges in input pixels, the same edges in the picture's pixels, and a way to blank one cell in a preprocessed
 * tensor.
 *
 * <p>The grid covers the {@link ResizeGeometry} target rectangle, the very one {@link Preprocessor} filled from the
 * picture: with letterboxing the padding bands hold no picture and are left out; with a centre crop the cells map
 * back to the cropped middle only, the part of the photo the model saw. Edges fall on whole input pixels, so every
 * input pixel of the area belongs to exactly one cell.
 */
public final class InputGrid {
    /**
     * What an occluded cell holds: 0 after normalisation, which is the model's mean colour ({@code mean[c]} before
     * it). It takes the cell's information away while adding as little as possible of its own; a black or grey
     * patch, or a blurred one, brings a hard edge or a colour the training data rarely had, which a network
     * reacts to in its own right.
     */
    public static final float OCCLUDER = 0f;

    private final PreprocessSpec spec;
    private final ResizeGeometry geometry;
    private final int[] inputX;
    private final int[] inputY;

    private InputGrid(PreprocessSpec spec, ResizeGeometry geometry, int rows, int cols) {
        this.spec = spec;
        this.geometry = geometry;
        this.inputX = edges(geometry.targetX(), geometry.targetWidth(), cols);
        this.inputY = edges(geometry.targetY(), geometry.targetHeight(), rows);
    }

    /**
     * The grid for a picture of this size as {@code spec} preprocesses it. A grid finer than the picture's area in
     * the input (a very wide photo letterboxed into a few rows) is made coarser so that no cell is empty.
     *
     * @throws IllegalArgumentException when rows or cols is below 1
     */
    public static InputGrid over(int imageWidth, int imageHeight, PreprocessSpec spec, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a grid needs at least one row and one column, got " + rows + " x "
                    + cols);
        }
        ResizeGeometry geometry = ResizeGeometry.of(imageWidth, imageHeight, spec.width(), spec.height(),
                spec.resize());
        return new InputGrid(spec, geometry, Math.min(rows, geometry.targetHeight()),
                Math.min(cols, geometry.targetWidth()));
    }

    private static int[] edges(int start, int length, int cells) {
        int[] edges = new int[cells + 1];
        for (int i = 0; i <= cells; i++) {
            edges[i] = start + (int) ((long) i * length / cells);
        }
        return edges;
    }

    public int rows() {
        return inputY.length - 1;
    }

    public int cols() {
        return inputX.length - 1;
    }

    /** Column edge {@code i} (0 to cols) in input pixels. */
    public int inputX(int i) {
        return inputX[i];
    }

    /** Row edge {@code i} (0 to rows) in input pixels. */
    public int inputY(int i) {
        return inputY[i];
    }

    /** Column edge {@code i} in the pixels of the picture that was preprocessed, by the resize's own proportion. */
    public double imageX(int i) {
        return geometry.sourceX() + (double) (inputX[i] - geometry.targetX()) * geometry.sourceWidth()
                / geometry.targetWidth();
    }

    /** Row edge {@code i} in the pixels of the picture that was preprocessed. */
    public double imageY(int i) {
        return geometry.sourceY() + (double) (inputY[i] - geometry.targetY()) * geometry.sourceHeight()
                / geometry.targetHeight();
    }

    /**
     * Sets every channel of one cell to {@link #OCCLUDER} in a tensor laid out as the spec says, written at
     * absolute indices so the buffer's position stays where the runtime expects it.
     */
    public void occlude(FloatBuffer tensor, int row, int col) {
        int width = spec.width();
        int plane = width * spec.height();
        boolean channelsFirst = spec.layout() == TensorLayout.NCHW;
        int start = tensor.position();
        for (int y = inputY[row]; y < inputY[row + 1]; y++) {
            for (int x = inputX[col]; x < inputX[col + 1]; x++) {
                int pixel = y * width + x;
                for (int c = 0; c < PreprocessSpec.CHANNELS; c++) {
                    tensor.put(start + (channelsFirst ? c * plane + pixel : pixel * PreprocessSpec.CHANNELS + c),
                            OCCLUDER);
                }
            }
        }
    }
}
