package ai.haski.desktop.ui.photo;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Shows one photo fitted to its area, with zoom (wheel, keys, menu) around the pointer and panning by dragging.
 */
public final class PhotoViewer extends Region {
    private final ObjectProperty<DisplayPicture> picture = new SimpleObjectProperty<>(this, "picture");
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ImageView view = new ImageView();
    private final ObjectProperty<Node> overlay = new SimpleObjectProperty<>(this, "overlay");
    /** Holds the overlay in pixels of the original photo, under the same offset and zoom as the picture. */
    private final Group overlayLayer = new Group();
    private final Translate overlayOffset = new Translate();
    private final Scale overlayZoom = new Scale(1, 1, 0, 0);
    private boolean fitting = true;
    private double offsetX;
    private double offsetY;
    private double dragStartX;
    private double dragStartY;
    private double dragStartOffsetX;
    private double dragStartOffsetY;

    public PhotoViewer() {
        getStyleClass().add("photo-viewer");
        view.setPreserveRatio(false);
        view.setSmooth(true);
        view.setId("photoImage");
        overlayLayer.getTransforms().setAll(overlayOffset, overlayZoom);
        // Dragging and the wheel go through to the viewer, as if the overlay were not there.
        overlayLayer.setMouseTransparent(true);
        getChildren().addAll(view, overlayLayer);
        overlay.addListener((obs, old, now) -> {
            if (now == null) {
                overlayLayer.getChildren().clear();
            } else {
                overlayLayer.getChildren().setAll(now);
            }
        });
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setAccessibleText("Photo. Plus and minus zoom, 0 fits to the window, 1 shows actual size; drag to pan.");

        picture.addListener((obs, old, now) -> show(now));
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, event -> setCursor(Cursor.DEFAULT));
    }

    /** The photo shown; null shows nothing. */
    public ObjectProperty<DisplayPicture> pictureProperty() {
        return picture;
    }

    /**
     * What is drawn over the photo, in pixels of the original upright photo (x right, y down from its top left),
     * so that it follows every zoom and pan; null draws nothing.
     */
    public ObjectProperty<Node> overlayProperty() {
        return overlay;
    }

    /** The current zoom: 1 is one screen pixel per pixel of the original photo. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** The point of the original upright photo under viewer point ({@code viewX}, {@code viewY}), in its pixels. */
    public Point2D toPhoto(double viewX, double viewY) {
        return new Point2D((viewX - offsetX) / zoom.get(), (viewY - offsetY) / zoom.get());
    }

    public void zoomIn() {
        zoomAround(zoom.get() * Zoom.STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAround(zoom.get() / Zoom.STEP, getWidth() / 2, getHeight() / 2);
    }

    /** One screen pixel per pixel of the original photo. */
    public void actualSize() {
        zoomAround(1, getWidth() / 2, getHeight() / 2);
    }

    /** The whole photo in view, and kept so when the window is resized. */
    public void fitToWindow() {
        fitting = true;
        requestLayout();
    }

    private void show(DisplayPicture shown) {
        if (shown == null) {
            view.setImage(null);
            overlayLayer.setVisible(false);
            return;
        }
        ArgbPixels pixels = shown.pixels();
        WritableImage image = new WritableImage(pixels.width(), pixels.height());
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.argb(), 0, pixels.width());
        view.setImage(image);
        overlayLayer.setVisible(true);
        fitToWindow();
    }

    private void zoomAround(double wanted, double anchorX, double anchorY) {
        DisplayPicture shown = picture.get();
        if (shown == null) {
            return;
        }
        double old = zoom.get();
        double now = Zoom.clamp(wanted);
        fitting = false;
        offsetX = Zoom.offsetKeepingAnchor(offsetX, anchorX, old, now);
        offsetY = Zoom.offsetKeepingAnchor(offsetY, anchorY, old, now);
        zoom.set(now);
        requestLayout();
    }

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() == 0) {
            return;
        }
        double factor = event.getDeltaY() > 0 ? Zoom.STEP : 1 / Zoom.STEP;
        zoomAround(zoom.get() * factor, event.getX(), event.getY());
        event.consume();
    }

    private void onPressed(MouseEvent event) {
        requestFocus();
        if (event.getButton() == MouseButton.PRIMARY) {
            dragStartX = event.getX();
            dragStartY = event.getY();
            dragStartOffsetX = offsetX;
            dragStartOffsetY = offsetY;
        }
    }

    private void onDragged(MouseEvent event) {
        if (!event.isPrimaryButtonDown() || picture.get() == null) {
            return;
        }
        setCursor(Cursor.MOVE);
        fitting = false;
        offsetX = dragStartOffsetX + event.getX() - dragStartX;
        offsetY = dragStartOffsetY + event.getY() - dragStartY;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        DisplayPicture shown = picture.get();
        if (shown == null) {
            return;
        }
        double width = getWidth();
        double height = getHeight();
        if (fitting) {
            zoom.set(Zoom.fit(shown.originalWidth(), shown.originalHeight(), width, height));
        }
        double shownWidth = shown.originalWidth() * zoom.get();
        double shownHeight = shown.originalHeight() * zoom.get();
        offsetX = Zoom.clampOffset(offsetX, shownWidth, width);
        offsetY = Zoom.clampOffset(offsetY, shownHeight, height);
        view.setFitWidth(shownWidth);
        view.setFitHeight(shownHeight);
        view.relocate(offsetX, offsetY);
        overlayOffset.setX(offsetX);
        overlayOffset.setY(offsetY);
        overlayZoom.setX(zoom.get());
        overlayZoom.setY(zoom.get());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }
}
