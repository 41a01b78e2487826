package ai.haski.desktop.ui.photo;

/**
 * The arithmetic of zooming and panning a picture in a viewport, kept apart from the control so that it can be
 * tested without a toolkit. A zoom of 1 shows one screen pixel per pixel of the original photo.
 */
public final class Zoom {
    public static final double MIN = 0.02;
    public static final double MAX = 16;
    /** One step of the keyboard, menu or wheel. */
    public static final double STEP = 1.25;

    private Zoom() {}

    /**
     * The zoom that shows the whole picture in the viewport, but never enlarges it beyond actual size: a small
     * photo blown up to fill a 4K screen would show interpolation, not detail.
     */
    public static double fit(double pictureWidth, double pictureHeight, double viewportWidth, double viewportHeight) {
        if (pictureWidth <= 0 || pictureHeight <= 0 || viewportWidth <= 0 || viewportHeight <= 0) {
            return 1;
        }
        return clamp(Math.min(1, Math.min(viewportWidth / pictureWidth, viewportHeight / pictureHeight)));
    }

    public static double clamp(double zoom) {
        return Math.max(MIN, Math.min(MAX, zoom));
    }

    /**
     * Where the picture's left (or top) edge goes on one axis: centred when it is smaller than the viewport,
     * else the wanted offset held so that no empty margin shows.
     */
    public static double clampOffset(double offset, double shownLength, double viewportLength) {
        if (shownLength <= viewportLength) {
            return (viewportLength - shownLength) / 2;
        }
        return Math.max(viewportLength - shownLength, Math.min(0, offset));
    }

    /** The new offset that keeps the picture point under {@code anchor} in place when the zoom changes. */
    public static double offsetKeepingAnchor(double offset, double anchor, double oldZoom, double newZoom) {
        return anchor - (anchor - offset) * (newZoom / oldZoom);
    }
}
