package ai.haski.desktop.ui.main;

import ai.haski.desktop.ui.photo.PhotoViewer;
import ai.haski.desktop.ui.photo.RegionOverlay;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Turns mouse and key events on the photo viewer into region gestures: event filters see a press before the
 * viewer's panning does, and a press the region takes (a handle, or a drag with the tool or Shift) is consumed,
 * with its drag and release, so the photo does not pan under the box. Esc clears the region.
 */
final class RegionGestures {
    private boolean active;

    private RegionGestures() {}

    static void install(PhotoViewer viewer, RegionSelectionViewModel region) {
        RegionGestures gestures = new RegionGestures();
        viewer.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            gestures.active = false;
            if (event.getButton() != MouseButton.PRIMARY) {
                return;
            }
            Point2D at = viewer.toPhoto(event.getX(), event.getY());
            double tolerance = RegionOverlay.HANDLE / Math.max(viewer.zoomProperty().get(), 1e-6);
            if (region.press(at.getX(), at.getY(), tolerance, event.isShiftDown())) {
                gestures.active = true;
                viewer.requestFocus();
                event.consume();
            }
        });
        viewer.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
            if (gestures.active) {
                Point2D at = viewer.toPhoto(event.getX(), event.getY());
                region.drag(at.getX(), at.getY());
                event.consume();
            }
        });
        viewer.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (gestures.active) {
                gestures.active = false;
                region.release();
                event.consume();
            }
        });
        viewer.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                region.clear();
                event.consume();
            }
        });
    }
}
