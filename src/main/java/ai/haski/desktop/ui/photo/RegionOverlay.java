package ai.haski.desktop.ui.photo;

import ai.haski.desktop.analysis.Region;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The region of interest drawn over the photo, in pixels of the original upright photo (for the photo viewer's
 * overlay): its outline and a handle at each corner, both kept the same size on screen at every zoom.
 */
public final class RegionOverlay extends Group {
    /** On-screen size of the outline and of a corner handle, in screen pixels. */
    public static final double LINE = 2;
    public static final double HANDLE = 10;

    private final ObservableDoubleValue zoom;
    private final boolean handles;

    /**
     * @param shown   the region to draw, in photo pixels; null draws none
     * @param handles whether to draw the corner handles (where the box can be adjusted), or only the outline
     */
    public RegionOverlay(ObservableObjectValue<Region> shown, ObservableDoubleValue zoom, boolean handles) {
        this.zoom = zoom;
        this.handles = handles;
        setId("regionOverlay");
        setMouseTransparent(true);
        shown.addListener((obs, old, now) -> show(now));
        zoom.addListener((obs, old, now) -> show(shown.get()));
        show(shown.get());
    }

    private void show(Region region) {
        getChildren().clear();
        setVisible(region != null);
        if (region == null) {
            return;
        }
        double perScreenPixel = 1 / Math.max(zoom.get(), 1e-6);
        Rectangle outline = new Rectangle(region.x(), region.y(), region.width(), region.height());
        outline.setId("regionOutline");
        outline.setFill(Color.rgb(255, 215, 0, 0.08));
        outline.setStroke(Color.GOLD);
        outline.setStrokeWidth(LINE * perScreenPixel);
        getChildren().add(outline);
        if (!handles) {
            return;
        }
        double size = HANDLE * perScreenPixel;
        for (double x : new double[] {region.x(), region.right()}) {
            for (double y : new double[] {region.y(), region.bottom()}) {
                Rectangle handle = new Rectangle(x - size / 2, y - size / 2, size, size);
                handle.getStyleClass().add("region-handle");
                handle.setFill(Color.WHITE);
                handle.setStroke(Color.GOLD);
                handle.setStrokeWidth(perScreenPixel);
                getChildren().add(handle);
            }
        }
    }
}
