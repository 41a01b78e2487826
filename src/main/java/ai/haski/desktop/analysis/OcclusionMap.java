package ai.haski.desktop.analysis;

/**
 * An occlusion-sensitivity map of one label: for each cell of a grid over the analysed area, how much the label's
 * probability dropped when the model saw that cell blanked out (filled with its mean colour). Positive: the cell
 * supported the label; negative: it argued against it; near 0: the model did not use it, or used it only together
 * with other cells (one cell at a time cannot show what several cells do jointly).
 *
 * <p>Row 0 is the top of the upright picture, column 0 its left. Cell (r, c) covers upright-image pixels
 * {@code [xEdge(c), xEdge(c + 1)) x [yEdge(r), yEdge(r + 1))} of the full-size photo; the edges span the part of
 * the photo the model saw (all of it, or the middle a centre crop kept).
 */
public final class OcclusionMap {
    private final String head;
    private final String label;
    private final float probability;
    private final float[][] values;
    private final double[] xEdges;
    private final double[] yEdges;

    OcclusionMap(String head, String label, float probability, float[][] values, double[] xEdges, double[] yEdges) {
        if (values.length + 1 != yEdges.length || values[0].length + 1 != xEdges.length) {
            throw new IllegalArgumentException("edges do not fit a " + values.length + " x " + values[0].length
                    + " grid");
        }
        this.head = head;
        this.label = label;
        this.probability = probability;
        this.values = new float[values.length][];
        for (int r = 0; r < values.length; r++) {
            this.values[r] = values[r].clone();
        }
        this.xEdges = xEdges.clone();
        this.yEdges = yEdges.clone();
    }

    public String head() {
        return head;
    }

    public String label() {
        return label;
    }

    /** The label's probability in the photo as it is, which every drop is measured from. */
    public float probability() {
        return probability;
    }

    public int rows() {
        return values.length;
    }

    public int cols() {
        return values[0].length;
    }

    /** The drop in the label's probability when cell (row, col) is occluded. */
    public float value(int row, int col) {
        return values[row][col];
    }

    /** Column edge {@code i} (0 to cols) in pixels of the full-size upright photo. */
    public double xEdge(int i) {
        return xEdges[i];
    }

    /** Row edge {@code i} (0 to rows) in pixels of the full-size upright photo. */
    public double yEdge(int i) {
        return yEdges[i];
    }

    /** Whether every value is a number: a model that answers NaN for some inputs gives no map. */
    boolean isFinite() {
        for (float[] row : values) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return Float.isFinite(probability);
    }
}
