package ai.haski.desktop.ui.session;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The session screen: the batch bar and the filter bar on top, the photos (table or grid) beside the review pane,
 * the status bar below, driven by the keys of {@link SessionKeys}. Layout, bindings and keys only.
 */
public final class SessionView {
    private final SessionViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<ReviewRow> table;
    private final ThumbnailGrid grid;
    private final ReviewPane reviewPane;
    private boolean swallowNextTyped;

    public SessionView(SessionViewModel viewModel) {
        this.viewModel = viewModel;
        PhotoTableViewModel rows = viewModel.table();
        this.table = new PhotoTable(rows, viewModel.comparison(), viewModel.review()).node();
        this.grid = new ThumbnailGrid(viewModel);
        this.reviewPane = new ReviewPane(viewModel.review(), viewModel.explain());
        root.setId("sessionView");
        root.getStyleClass().add("session-view");
        root.setTop(new VBox(BatchBar.build(viewModel.lifecycle(), viewModel.batch()),
                FilterBar.build(rows, viewModel.comparison())));
        Node shownGrid = grid.node();
        table.visibleProperty().bind(rows.gridShownProperty().not());
        shownGrid.visibleProperty().bind(rows.gridShownProperty());
        SplitPane split = new SplitPane(new StackPane(table, shownGrid), reviewPane.node());
        split.setId("sessionSplit");
        // Wide enough for the default columns of a three-head model at 1280 px; the review pane keeps the rest.
        split.setDividerPositions(0.6);
        root.setCenter(split);
        root.setBottom(SessionStatusBar.build(rows, viewModel.batch()));
        rows.gridShownProperty().addListener((obs, was, now) -> focusTable());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        // The E that moves the focus into the note must not also be typed into it.
        root.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowNextTyped) {
                swallowNextTyped = false;
                event.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard focus on the table (or the grid, when shown), where the review keys work. */
    public void focusTable() {
        if (viewModel.table().gridShownProperty().get()) {
            grid.node().requestFocus();
        } else {
            table.requestFocus();
        }
    }

    /** The review keys work anywhere in the session screen except while typing a note. */
    private void keys(KeyEvent event) {
        if (event.isShortcutDown() || event.isAltDown() || event.isControlDown() || event.isMetaDown()) {
            return;
        }
        if (event.getTarget() instanceof TextInputControl || reviewPane.note().isFocused()) {
            if (event.getCode() == KeyCode.ESCAPE) {
                table.requestFocus();
                event.consume();
            }
            return;
        }
        if (event.getTarget() instanceof ComboBox<?> || event.getTarget() instanceof Spinner<?>) {
            return;
        }
        ReviewPaneViewModel review = viewModel.review();
        KeyCode code = event.getCode();
        boolean handled = true;
        switch (code) {
            case J, DOWN -> review.next();
            case K, UP -> review.previous();
            case N -> review.nextUnreviewed();
            case A, ENTER -> review.acceptAll();
            case L, RIGHT -> review.focusNextHead();
            case H, LEFT -> review.focusPreviousHead();
            case F -> review.toggleFlag();
            case P -> viewModel.togglePause();
            case E -> {
                swallowNextTyped = true;
                reviewPane.note().requestFocus();
            }
            default -> {
                int number = digit(code);
                if (number > 0) {
                    review.overrideFocused(number);
                } else {
                    handled = false;
                }
            }
        }
        if (handled) {
            event.consume();
        }
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }
}
