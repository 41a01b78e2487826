package ai.haski.desktop.analysis;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The rectangle of a photo the model analyses, in pixels of the upright picture as shown (after the EXIF
 * orientation), and where it came from: the whole picture, a box the user drew or typed, or a detected face.
 *
 * @param x      left edge, 0 at the picture's left
 * @param y      top edge, 0 at the picture's top
 * @param width  width in upright pixels, at least 1
 * @param height height in upright pixels, at least 1
 */
public record Region(int x, int y, int width, int height, Source source) {

    /** Where a region came from; {@link #id()} is the word in the result JSON and the session store. */
    public enum Source {
        WHOLE("whole"), USER("user"), FACE("face");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The source with this id, as the JSON and the session store spell it. */
        public static Source of(String id) {
            for (Source source : values()) {
                if (source.id.equals(id)) {
                    return source;
                }
            }
            throw new IllegalArgumentException("unknown region source \"" + id + "\" (whole, user or face)");
        }
    }

    public Region {
        Objects.requireNonNull(source, "source");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the region " + x + "," + y + "," + width + "," + height
                    + " is empty: its width and height must be at least 1 pixel");
        }
    }

    /** The whole upright picture of this size. */
    public static Region whole(int width, int height) {
        return new Region(0, 0, width, height, Source.WHOLE);
    }

    /** A box the user chose. */
    public static Region user(int x, int y, int width, int height) {
        return new Region(x, y, width, height, Source.USER);
    }

    /**
     * Parses {@code X,Y,W,H} (four whole numbers of upright pixels, spaces allowed) into a user region, as the
     * command line and the HTTP API take it.
     *
     * @throws IllegalArgumentException with a message that shows the expected form
     */
    public static Region parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("region \"" + text + "\" is not X,Y,W,H: give four whole numbers, "
                    + "the left and top edge and the width and height in pixels of the upright photo, e.g. "
                    + "100,50,400,300");
        }
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("region \"" + text + "\": \"" + parts[i] + "\" is not a whole "
                        + "number; give X,Y,W,H in pixels of the upright photo, e.g. 100,50,400,300");
            }
        }
        if (values[0] < 0 || values[1] < 0) {
            throw new IllegalArgumentException("region \"" + text + "\": X and Y must not be negative (0,0 is the "
                    + "top left corner of the upright photo)");
        }
        if (values[2] <= 0 || values[3] <= 0) {
            throw new IllegalArgumentException("region \"" + text + "\" is empty: W and H must be at least 1");
        }
        return user(values[0], values[1], values[2], values[3]);
    }

    /** {@code X,Y,W,H}, the form {@link #parse} reads. */
    public String toText() {
        return String.format(Locale.ROOT, "%d,%d,%d,%d", x, y, width, height);
    }

    /** The right edge, exclusive. */
    public int right() {
        return x + width;
    }

    /** The bottom edge, exclusive. */
    public int bottom() {
        return y + height;
    }

    /** Whether this covers the whole of a picture of this size. */
    public boolean covers(int imageWidth, int imageHeight) {
        return x == 0 && y == 0 && width == imageWidth && height == imageHeight;
    }

    /**
     * Why this region cannot be analysed in the upright picture of {@code file}, of this size: a failure that names
     * the file and the region and says what to do; empty when it can be analysed.
     */
    public Optional<AnalysisFailure> refusal(Path file, int imageWidth, int imageHeight) {
        if (x < 0 || y < 0 || (long) x + width > imageWidth || (long) y + height > imageHeight) {
            return Optional.of(new AnalysisFailure(file, "REGION_OUTSIDE_PHOTO", file.getFileName() + ": the region "
                    + toText() + " (X,Y,W,H) reaches outside the photo, which is " + imageWidth + " x " + imageHeight
                    + " pixels upright (as shown); give a box inside it"));
        }
        if (Math.min(width, height) < Analyzer.MIN_SIDE) {
            return Optional.of(new AnalysisFailure(file, "REGION_TOO_SMALL", file.getFileName() + ": the region "
                    + toText() + " (X,Y,W,H) is only " + width + " x " + height + " pixels; a side shorter than "
                    + Analyzer.MIN_SIDE + " pixels holds too little to analyse. Choose a larger box"));
        }
        return Optional.empty();
    }
}
