package ai.haski.desktop.ui.result;

import ai.haski.desktop.analysis.OcclusionMap;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * An occlusion map drawn as one rectangle per cell at the cell's edges, in pixels of the original upright photo:
 * put in the photo viewer's overlay, it lines up with the photo at every zoom and pan. A rectangle per cell rather
 * than a picture of the map, because the edges need not be evenly spaced (a resize rounds them) and a few hundred
 * rectangles cost nothing.
 */
public final class HeatOverlay extends Group {

    public HeatOverlay(ObservableObjectValue<OcclusionMap> map, ObservableDoubleValue opacity) {
        setId("explainOverlay");
        setMouseTransparent(true);
        opacityProperty().bind(opacity);
        map.addListener((obs, old, now) -> show(now));
        show(map.get());
    }

    private void show(OcclusionMap shown) {
        getChildren().clear();
        setVisible(shown != null);
        if (shown == null) {
            return;
        }
        double maxAbs = HeatScale.maxAbs(shown);
        for (int r = 0; r < shown.rows(); r++) {
            for (int c = 0; c < shown.cols(); c++) {
                double x = shown.xEdge(c);
                double y = shown.yEdge(r);
                Rectangle cell = new Rectangle(x, y, shown.xEdge(c + 1) - x, shown.yEdge(r + 1) - y);
                cell.setFill(color(HeatScale.argb(shown.value(r, c), maxAbs)));
                getChildren().add(cell);
            }
        }
    }

    static Color color(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }
}
