package ai.haski.desktop.ui.evaluation;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Evaluation view in a window of its own beside the main one, so that the reviewer can keep reviewing (and
 * watch the numbers move) and click a cell to filter the main window's table. One window, shown again when asked
 * twice; while it is closed the ViewModel does not compute.
 */
public final class EvaluationWindow {
    private static final String TITLE = "Evaluation";
    private final Stage stage = new Stage();

    /** The window, owned by {@code owner} (it closes with it); not yet shown. */
    public EvaluationWindow(EvaluationViewModel viewModel, Window owner, String stylesheet) {
        stage.initOwner(owner);
        stage.setTitle(TITLE);
        Scene scene = new Scene(new EvaluationView(viewModel).root(), 1080, 720);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setOnShown(event -> viewModel.openProperty().set(true));
        stage.setOnHidden(event -> viewModel.openProperty().set(false));
    }

    /** Shows the window, or brings it to the front. */
    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
