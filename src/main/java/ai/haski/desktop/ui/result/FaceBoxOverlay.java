package ai.haski.desktop.ui.result;

import ai.haski.desktop.model.FaceBox;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The face boxes of the shown result, drawn in pixels of the original upright photo with their scores: put in the
 * photo viewer's overlay, they line up with the photo at every zoom and pan. Shown while "Show face boxes" is on.
 */
public final class FaceBoxOverlay extends Group {
    private final FacesViewModel viewModel;

    public FaceBoxOverlay(FacesViewModel viewModel) {
        this.viewModel = viewModel;
        setId("faceBoxes");
        setMouseTransparent(true);
        visibleProperty().bind(viewModel.showBoxesProperty());
        viewModel.boxes().addListener((ListChangeListener<FaceBox>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (FaceBox box : viewModel.boxes()) {
            // A line a few photo pixels wide stays visible on a 12 MP photo fitted into the window.
            double stroke = Math.max(2, Math.min(box.width(), box.height()) / 40);
            Rectangle outline = new Rectangle(box.x(), box.y(), box.width(), box.height());
            outline.setFill(Color.TRANSPARENT);
            outline.setStroke(Color.web("#39d0ff"));
            outline.setStrokeWidth(stroke);
            outline.getStyleClass().add("face-box");
            Text score = new Text(box.x(), Math.max(stroke * 6, box.y() - stroke * 2),
                    String.format(Locale.ROOT, "face %.2f", box.score()));
            score.setFill(Color.web("#39d0ff"));
            score.setStyle("-fx-font-size: " + Math.round(stroke * 6) + "px;");
            getChildren().addAll(outline, score);
        }
    }
}
