package ai.haski.desktop.ui.session;

import impl.org.controlsfx.skin.GridViewSkin;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.skin.VirtualFlow;
import org.controlsfx.control.GridView;

/**
 * The session's photos as a grid of thumbnails, in the table's order and filter. Only the rows on screen have cells
 * (the grid is virtual), so only they ask for thumbnails.
 */
final class ThumbnailGrid {
    private final SessionViewModel viewModel;
    private final GridView<ReviewRow> grid = new GridView<>();

    ThumbnailGrid(SessionViewModel viewModel) {
        this.viewModel = viewModel;
        grid.setId("sessionGrid");
        grid.getStyleClass().add("session-grid");
        int side = viewModel.thumbnails().side();
        grid.setCellWidth(side + 8);
        grid.setCellHeight(side * 0.8 + 48);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(view -> new ThumbnailCell(viewModel));
        // Hidden, the grid holds no items: its cells would otherwise lay out and ask for thumbnails nobody sees.
        grid.setItems(viewModel.table().gridShownProperty().get() ? viewModel.table().sortedRows()
                : FXCollections.observableArrayList());
        viewModel.table().gridShownProperty().addListener((obs, was, now) -> grid.setItems(now ? viewModel.table().sortedRows()
                : FXCollections.observableArrayList()));
        grid.setFocusTraversable(true);
        grid.setAccessibleText("Photos as thumbnails");
        viewModel.review().selectedProperty().addListener((obs, old, now) -> reveal(now));
        grid.visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                reveal(viewModel.review().selectedProperty().get());
            }
        });
    }

    GridView<ReviewRow> node() {
        return grid;
    }

    /** Scrolls the selected photo's row into view; the keys move the selection, the grid follows. */
    private void reveal(ReviewRow row) {
        if (row == null || !grid.isVisible() || !(grid.getSkin() instanceof GridViewSkin<?> skin)) {
            return;
        }
        int index = -1;
        for (int i = 0; i < grid.getItems().size(); i++) {
            if (grid.getItems().get(i).photoId() == row.photoId()) {
                index = i;
                break;
            }
        }
        Node flow = grid.lookup(".virtual-flow");
        int perRow = Math.max(1, skin.computeMaxCellsInRow());
        if (index >= 0 && flow instanceof VirtualFlow<?> virtualFlow) {
            int gridRow = index / perRow;
            var firstShown = virtualFlow.getFirstVisibleCell();
            var lastShown = virtualFlow.getLastVisibleCell();
            // Scroll only when the row is off screen: a click on a visible photo must not move the grid under it.
            if (firstShown == null || lastShown == null || gridRow < firstShown.getIndex()
                    || gridRow > lastShown.getIndex()) {
                virtualFlow.scrollTo(gridRow);
            }
        }
    }
}
