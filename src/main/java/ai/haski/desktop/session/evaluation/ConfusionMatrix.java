package ai.haski.desktop.session.evaluation;

import java.util.List;

/**
 * Counts of (truth, prediction) pairs for one head: rows are the true label, columns the model's top label, both in
 * the manifest's label order, so that matrices of two models of the same head line up cell by cell.
 */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final long[][] counts;

    public ConfusionMatrix(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.counts = new long[labels.size()][labels.size()];
    }

    /** Counts one photo; both labels must be among the matrix's labels. */
    public void add(String truth, String predicted) {
        counts[index(truth)][index(predicted)]++;
    }

    public List<String> labels() {
        return labels;
    }

    /** The count of photos whose truth is label {@code row} and prediction label {@code column} (indexes). */
    public long count(int row, int column) {
        return counts[row][column];
    }

    /** How many photos of each true label: the row sums, i.e. each label's support. */
    public long rowTotal(int row) {
        long total = 0;
        for (long cell : counts[row]) {
            total += cell;
        }
        return total;
    }

    /** How many photos the model gave each label: the column sums. */
    public long columnTotal(int column) {
        long total = 0;
        for (long[] row : counts) {
            total += row[column];
        }
        return total;
    }

    /** All photos counted. */
    public long total() {
        long total = 0;
        for (int row = 0; row < counts.length; row++) {
            total += rowTotal(row);
        }
        return total;
    }

    /** Photos on the diagonal: the model's label is the true one. */
    public long agreeing() {
        long diagonal = 0;
        for (int i = 0; i < counts.length; i++) {
            diagonal += counts[i][i];
        }
        return diagonal;
    }

    /** A copy of the counts, rows = truth. */
    public long[][] matrix() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    private int index(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("\"" + label + "\" is not one of the labels " + labels);
        }
        return index;
    }
}
