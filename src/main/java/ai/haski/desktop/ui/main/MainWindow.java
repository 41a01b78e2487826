package ai.haski.desktop.ui.main;

import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.ui.result.ExplainViewModel;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main view in a stage: where the user last left it on these screens, else sized for the screen, from
 * 1024 x 700 up to 4K.
 */
public final class MainWindow {
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 700;

    private MainWindow() {}

    /** Builds the view into {@code stage} and shows it, sized for the screen; its bounds are not remembered. */
    public static MainView show(Stage stage, MainViewModel viewModel, ExplainViewModel explain) {
        return show(stage, viewModel, explain, null);
    }

    /**
     * Builds the view into {@code stage} and shows it where it was last closed (saved in {@code settings}, per screen
     * layout), else sized for the screen; its bounds are saved there when it closes.
     */
    public static MainView show(Stage stage, MainViewModel viewModel, ExplainViewModel explain,
            SettingsStore settings) {
        MainView view = new MainView(viewModel, explain, stage);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // On a laptop-sized screen every pixel counts: take it all. On larger ones, a comfortable window.
        boolean small = screen.getWidth() <= 1440 || screen.getHeight() <= 900;
        double width = small ? screen.getWidth() : screen.getWidth() * 0.8;
        double height = small ? screen.getHeight() : screen.getHeight() * 0.8;
        Scene scene = new Scene(view.root(), width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("/ai/haski/desktop/ui/haski.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        boolean restored = settings != null && WindowPlacement.install(stage, settings);
        if (!restored && small) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        }
        stage.show();
        return view;
    }
}
