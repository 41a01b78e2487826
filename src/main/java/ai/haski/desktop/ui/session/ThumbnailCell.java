package ai.haski.desktop.ui.session;

import ai.haski.desktop.image.Thumbnail;
import ai.haski.desktop.session.HeadSummary;
import ai.haski.desktop.session.ReviewState;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.ui.result.DisplayNames;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

/**
 * One photo in the review grid: its thumbnail (asked for when the cell shows the photo, cancelled when it shows
 * another), a badge with the review state or the error, the file name and the first head's label.
 */
final class ThumbnailCell extends GridCell<ReviewRow> {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final SessionViewModel viewModel;
    private final ImageView image = new ImageView();
    private final Label placeholder = new Label();
    private final Label badge = new Label();
    private final Label name = new Label();
    private final Label label = new Label();
    private final VBox box;
    private GridThumbnails.Request pending;
    /** Held here and registered weakly: the grid drops cells when it rebuilds its rows, the selection outlives them. */
    private final ChangeListener<ReviewRow> selectionChanged = (obs, old, now) -> showSelection();

    ThumbnailCell(SessionViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("thumbnail-cell");
        int side = viewModel.thumbnails().side();
        image.setFitWidth(side);
        image.setFitHeight(side * 0.8);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        placeholder.getStyleClass().add("thumbnail-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(side - 8);
        badge.getStyleClass().add("thumbnail-badge");
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        StackPane picture = new StackPane(image, placeholder, badge);
        picture.getStyleClass().add("thumbnail-picture");
        picture.setMinSize(side, side * 0.8);
        picture.setPrefSize(side, side * 0.8);
        name.getStyleClass().add("thumbnail-name");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMaxWidth(side);
        label.getStyleClass().add("thumbnail-label");
        label.setMaxWidth(side);
        box = new VBox(2, picture, name, label);
        box.setAlignment(Pos.TOP_CENTER);
        setOnMouseClicked(event -> {
            if (getItem() != null) {
                viewModel.review().select(getItem());
            }
        });
        viewModel.review().selectedProperty().addListener(new WeakChangeListener<>(selectionChanged));
    }

    @Override
    protected void updateItem(ReviewRow row, boolean empty) {
        ReviewRow before = getItem();
        super.updateItem(row, empty);
        if (empty || row == null) {
            cancelPending();
            setGraphic(null);
            setText(null);
            setTooltip(null);
            pseudoClassStateChanged(SELECTED, false);
            return;
        }
        setText(null);
        setGraphic(box);
        name.setText(row.file());
        setTooltip(new Tooltip(row.file()));
        label.setText(viewModel.blindedProperty().get() ? "" : topLabel(row));
        showBadge(row);
        showSelection();
        // A new result or verdict replaces the row, but the photo (and so its thumbnail) is the same.
        if (before == null || before.photoId() != row.photoId() || image.getImage() == null
                && placeholder.getText().isEmpty()) {
            loadThumbnail(row);
        }
    }

    private void loadThumbnail(ReviewRow row) {
        cancelPending();
        image.setImage(null);
        placeholder.setText("");
        Session session = viewModel.sessionProperty().get();
        if (session == null) {
            return;
        }
        long photoId = row.photoId();
        pending = viewModel.thumbnails().request(session.root(), row.photo(), shown -> {
            if (getItem() == null || getItem().photoId() != photoId) {
                return;
            }
            if (shown instanceof GridThumbnails.Ready ready) {
                image.setImage(toImage(ready.thumbnail()));
                placeholder.setText("");
            } else if (shown instanceof GridThumbnails.Unreadable unreadable) {
                image.setImage(null);
                placeholder.setText("⚠ Cannot be read");
                setTooltip(new Tooltip(row.file() + "\n" + unreadable.message()));
            }
        });
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void showSelection() {
        ReviewRow selected = viewModel.review().selectedProperty().get();
        pseudoClassStateChanged(SELECTED, getItem() != null && selected != null
                && selected.photoId() == getItem().photoId());
    }

    private void showBadge(ReviewRow row) {
        badge.getStyleClass().removeAll("badge-error", "badge-flagged", "badge-reviewed", "badge-pending");
        String text;
        String style;
        if (!row.error().isEmpty()) {
            text = "⚠ " + row.error();
            style = "badge-error";
        } else if (row.reviewState() == ReviewState.FLAGGED) {
            text = "⚑ flagged";
            style = "badge-flagged";
        } else if (row.reviewState() != ReviewState.UNREVIEWED) {
            text = "✓ " + row.reviewState().name().toLowerCase(Locale.ROOT);
            style = "badge-reviewed";
        } else if (!row.analysed()) {
            text = "not analysed";
            style = "badge-pending";
        } else {
            text = "";
            style = null;
        }
        badge.setText(text);
        badge.setVisible(!text.isEmpty());
        if (style != null) {
            badge.getStyleClass().add(style);
        }
    }

    /** The first head's top label and confidence, the photo's headline. */
    private static String topLabel(ReviewRow row) {
        if (!row.reviewable()) {
            return "";
        }
        HeadSummary first = row.result().orElseThrow().heads().get(0);
        return String.format(Locale.ROOT, "%s %.0f%%", DisplayNames.label(first.topLabel()),
                first.topProbability() * 100);
    }

    /** The toolkit's image of a thumbnail: here, in the view, since ViewModels keep to plain pixels. */
    static WritableImage toImage(Thumbnail thumbnail) {
        WritableImage written = new WritableImage(thumbnail.width(), thumbnail.height());
        written.getPixelWriter().setPixels(0, 0, thumbnail.width(), thumbnail.height(),
                PixelFormat.getIntArgbInstance(), thumbnail.argb(), 0, thumbnail.width());
        return written;
    }
}
