package ai.haski.desktop.analysis;

import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.ModelManifest;
import java.util.Objects;
import java.util.Optional;

/**
 * What to explain in a photo: which head (default: the model's first), which label (default: the label that head
 * gives the photo) and how fine a grid of occluded cells.
 *
 * @param rows cells from top to bottom of the analysed area, 1 to {@link #MAX_GRID}
 * @param cols cells from left to right
 * @param region the part of the photo explained, as an analysis of it is asked for (the whole photo by default)
 */
public record ExplainRequest(Optional<String> head, Optional<String> label, int rows, int cols,
        RegionRequest region) {
    /**
     * 14 x 14: for a 224-pixel input, 16-pixel cells, about the size of a lesion in a close-up, and 196 runs,
     * well under a second at a few milliseconds each.
     */
    public static final int DEFAULT_GRID = 14;
    /** Beyond this the runs grow as the square (4096 here) while the cells shrink below what a network resolves. */
    public static final int MAX_GRID = 64;

    public ExplainRequest {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(region, "region");
        checkGrid(rows);
        checkGrid(cols);
    }

    /** The first head, its top label, the default grid. */
    public static ExplainRequest defaults() {
        return new ExplainRequest(Optional.empty(), Optional.empty(), DEFAULT_GRID, DEFAULT_GRID, RegionRequest.WHOLE);
    }

    public ExplainRequest withHead(Optional<String> value) {
        return new ExplainRequest(value, label, rows, cols, region);
    }

    public ExplainRequest withLabel(Optional<String> value) {
        return new ExplainRequest(head, value, rows, cols, region);
    }

    /** An n x n grid. */
    public ExplainRequest withGrid(int n) {
        return new ExplainRequest(head, label, n, n, region);
    }

    /** The map of this part of the photo: the region the explained result is of. */
    public ExplainRequest withRegion(RegionRequest value) {
        return new ExplainRequest(head, label, rows, cols, value);
    }

    /**
     * The head this request names in {@code manifest}, with its label checked.
     *
     * @throws IllegalArgumentException naming the heads or labels there are, when the request names another
     */
    HeadSpec resolveHead(ModelManifest manifest) {
        HeadSpec chosen = head.map(name -> manifest.heads().stream().filter(h -> h.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("model " + manifest.id() + " has no head \""
                                + name + "\"; its heads: " + String.join(", ",
                                manifest.heads().stream().map(HeadSpec::name).toList()))))
                .orElse(manifest.heads().get(0));
        label.ifPresent(wanted -> {
            if (!chosen.labels().contains(wanted)) {
                throw new IllegalArgumentException("head " + chosen.name() + " has no label \"" + wanted
                        + "\"; its labels: " + String.join(", ", chosen.labels()));
            }
        });
        return chosen;
    }

    private static void checkGrid(int cells) {
        if (cells < 1 || cells > MAX_GRID) {
            throw new IllegalArgumentException("the grid must be 1 to " + MAX_GRID + " cells a side, found " + cells);
        }
    }
}
