package ai.haski.desktop.ui.main;

import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.RegionRequest;
import ai.haski.desktop.ui.photo.DisplayPicture;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * The region of interest drawn on the main window's photo: the box the model analyses (none: the whole photo), the
 * box shown while it is dragged, and the gestures that make it (a new box with the "Select region" tool or with
 * Shift held, a corner handle to resize it, Shift-drag inside it to move it, Esc to clear it). Coordinates are
 * pixels of the upright photo as shown; the view converts from screen coordinates. Use on the UI thread.
 */
public final class RegionSelectionViewModel {
    /** What a press took hold of. */
    private enum Grip { NONE, NEW, MOVE, CORNER }

    private final ReadOnlyObjectWrapper<Region> region = new ReadOnlyObjectWrapper<>(this, "region");
    private final ReadOnlyObjectWrapper<Region> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final BooleanProperty selecting = new SimpleBooleanProperty(this, "selecting");
    /** The "Face" button's mode: the analysis finds the box (the largest face), so there is none to hand it. */
    private final ReadOnlyBooleanWrapper largestFace = new ReadOnlyBooleanWrapper(this, "largestFace");
    private Runnable onChange = () -> { };
    private int imageWidth;
    private int imageHeight;
    private Grip grip = Grip.NONE;
    /** The fixed corner of a new or resized box, or where a move started. */
    private double anchorX;
    private double anchorY;
    private Region moved;

    /**
     * @param picture the photo shown; a new photo (or none) clears the region without re-analysing
     * @param outcome the result shown, which says where the largest face was when the "Face" button asked for it
     */
    public RegionSelectionViewModel(ObservableValue<DisplayPicture> picture,
            ObservableValue<AnalysisOutcome> outcome) {
        outcome.addListener((obs, old, now) -> showLargestFace(now));
        picture.addListener((obs, old, now) -> {
            imageWidth = now == null ? 0 : now.originalWidth();
            imageHeight = now == null ? 0 : now.originalHeight();
            grip = Grip.NONE;
            largestFace.set(false);
            region.set(null);
            shown.set(null);
            text.set("");
        });
    }

    /** Runs after the region the model should analyse changed (drawn, adjusted or cleared). */
    public void setOnChange(Runnable action) {
        onChange = action;
    }

    /** The box the model analyses, in upright photo pixels; null for the whole photo. */
    public ReadOnlyObjectProperty<Region> regionProperty() {
        return region.getReadOnlyProperty();
    }

    /** The box to draw: the one being dragged, else the analysed one; null draws none. */
    public ReadOnlyObjectProperty<Region> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** What the window says about the region: its pixels and how to clear it, or why a box was refused. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The "Select region" tool: while on, a drag on the photo draws a box instead of panning. */
    public BooleanProperty selectingProperty() {
        return selecting;
    }

    /**
     * The analysis of the shown photo as asked now: of the largest face (after the "Face" button), of the region, or
     * of the whole photo when there is none.
     */
    public Callable<AnalysisOutcome> analysis(Analyzer analyzer, Path file) {
        Region box = region.get();
        RegionRequest request = largestFace.get() ? RegionRequest.LARGEST_FACE
                : box == null ? RegionRequest.WHOLE : RegionRequest.box(box);
        return () -> analyzer.analyze(file, request);
    }

    /**
     * The "Face" button: the model analyses the largest face the face detector finds, grown by the model's margin;
     * the box is drawn once the result says where it was. Esc analyses the whole photo again.
     */
    public void selectLargestFace() {
        if (imageWidth == 0) {
            return;
        }
        grip = Grip.NONE;
        selecting.set(false);
        largestFace.set(true);
        region.set(null);
        shown.set(null);
        text.set("Looking for the largest face…");
        onChange.run();
    }

    /** Whether the largest face is what the model is asked to analyse. */
    public ReadOnlyBooleanProperty largestFaceProperty() {
        return largestFace.getReadOnlyProperty();
    }

    private void showLargestFace(AnalysisOutcome outcome) {
        if (!largestFace.get()) {
            return;
        }
        if (outcome instanceof Analysis analysis && analysis.region().source() == Region.Source.FACE) {
            shown.set(analysis.region());
            text.set("Largest face " + analysis.region().toText() + " (x, y, width, height in pixels, with the "
                    + "model's margin); Esc analyses the whole photo");
        } else if (outcome instanceof AnalysisFailure failure) {
            text.set(failure.message());
        }
    }

    /**
     * A press at photo pixel (x, y): takes the gesture when it is on a corner handle of the box, or (with the tool
     * or Shift) inside the box to move it or elsewhere to draw a new one.
     *
     * @param tolerance how far from a corner, in photo pixels, still grabs its handle
     * @return whether the region took the gesture (the view then does not pan)
     */
    public boolean press(double x, double y, double tolerance, boolean shift) {
        grip = Grip.NONE;
        if (imageWidth == 0) {
            return false;
        }
        Region box = region.get();
        if (box != null && grabCorner(box, x, y, tolerance)) {
            grip = Grip.CORNER;
        } else if (!(shift || selecting.get())) {
            return false;
        } else if (box != null && x >= box.x() && x <= box.right() && y >= box.y() && y <= box.bottom()) {
            grip = Grip.MOVE;
            moved = box;
            anchorX = x;
            anchorY = y;
        } else {
            grip = Grip.NEW;
            anchorX = clamp(x, imageWidth);
            anchorY = clamp(y, imageHeight);
        }
        return true;
    }

    /** The pointer moved to photo pixel (x, y) during a gesture: the drawn box follows, inside the photo. */
    public void drag(double x, double y) {
        if (grip == Grip.NONE) {
            return;
        }
        if (grip == Grip.MOVE) {
            int left = (int) Math.round(Math.max(0, Math.min(imageWidth - moved.width(), moved.x() + x - anchorX)));
            int top = (int) Math.round(Math.max(0, Math.min(imageHeight - moved.height(), moved.y() + y - anchorY)));
            shown.set(Region.user(left, top, moved.width(), moved.height()));
            return;
        }
        int left = (int) Math.round(Math.min(anchorX, clamp(x, imageWidth)));
        int right = (int) Math.round(Math.max(anchorX, clamp(x, imageWidth)));
        int top = (int) Math.round(Math.min(anchorY, clamp(y, imageHeight)));
        int bottom = (int) Math.round(Math.max(anchorY, clamp(y, imageHeight)));
        if (right > left && bottom > top) {
            shown.set(Region.user(left, top, right - left, bottom - top));
        }
    }

    /** The gesture ended: a box large enough becomes the analysed region; a smaller one is refused, saying why. */
    public void release() {
        Grip ended = grip;
        grip = Grip.NONE;
        Region drawn = shown.get();
        if (ended == Grip.NONE || drawn == null || drawn.equals(region.get())) {
            shown.set(region.get());
            return;
        }
        if (drawn.width() < Analyzer.MIN_SIDE || drawn.height() < Analyzer.MIN_SIDE) {
            shown.set(region.get());
            text.set("That box is only " + drawn.width() + " x " + drawn.height() + " pixels of the photo; a side "
                    + "needs at least " + Analyzer.MIN_SIDE + " to analyse. Drag a larger one.");
            return;
        }
        select(drawn);
    }

    /** Makes {@code box} (upright photo pixels) the analysed region and re-analyses. */
    public void select(Region box) {
        selecting.set(false);
        largestFace.set(false);
        region.set(box);
        shown.set(box);
        text.set("Region " + box.toText() + " (x, y, width, height in pixels); Esc analyses the whole photo");
        onChange.run();
    }

    /** Esc: no region; the whole photo is analysed again. Does nothing when there is no region. */
    public void clear() {
        grip = Grip.NONE;
        selecting.set(false);
        if (region.get() == null && !largestFace.get()) {
            shown.set(null);
            return;
        }
        largestFace.set(false);
        region.set(null);
        shown.set(null);
        text.set("");
        onChange.run();
    }

    /** Grabs the corner nearest (x, y), if within tolerance: the opposite corner becomes the fixed one. */
    private boolean grabCorner(Region box, double x, double y, double tolerance) {
        boolean nearLeft = Math.abs(x - box.x()) <= tolerance;
        boolean nearRight = Math.abs(x - box.right()) <= tolerance;
        boolean nearTop = Math.abs(y - box.y()) <= tolerance;
        boolean nearBottom = Math.abs(y - box.bottom()) <= tolerance;
        if (!(nearLeft || nearRight) || !(nearTop || nearBottom)) {
            return false;
        }
        anchorX = nearLeft ? box.right() : box.x();
        anchorY = nearTop ? box.bottom() : box.y();
        return true;
    }

    private static double clamp(double value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
