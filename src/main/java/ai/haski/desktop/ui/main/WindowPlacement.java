package ai.haski.desktop.ui.main;

import ai.haski.desktop.platform.SettingsStore;
import ai.haski.desktop.platform.WindowBounds;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers a window's bounds per screen layout: saved when it closes, restored when it opens on the same screens,
 * and on other screens moved and shrunk until it lies wholly on one, so that a window last seen on an unplugged
 * monitor comes back visible.
 */
final class WindowPlacement {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacement.class);

    private final Stage stage;
    private final SettingsStore store;
    /** The last bounds seen while neither maximised nor iconified: what a maximised window is saved with. */
    private WindowBounds normal;

    private WindowPlacement(Stage stage, SettingsStore store) {
        this.stage = stage;
        this.store = store;
    }

    /**
     * Gives {@code stage} its saved bounds (fitted to today's screens) if there are any, and saves them when it is
     * hidden. Call before the stage is shown; false when nothing was saved, so the caller places it.
     */
    static boolean install(Stage stage, SettingsStore store) {
        WindowPlacement placement = new WindowPlacement(stage, store);
        boolean restored = placement.restore();
        stage.xProperty().addListener((obs, old, now) -> placement.noteLater());
        stage.yProperty().addListener((obs, old, now) -> placement.noteLater());
        stage.widthProperty().addListener((obs, old, now) -> placement.noteLater());
        stage.heightProperty().addListener((obs, old, now) -> placement.noteLater());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, event -> placement.save());
        return restored;
    }

    private boolean restore() {
        String screens = layoutKey(screenBounds());
        Optional<WindowBounds> saved = store.windowBounds(screens).or(store::lastWindowBounds);
        if (saved.isEmpty()) {
            return false;
        }
        List<Rectangle2D> visible = Screen.getScreens().stream().sorted(primaryFirst())
                .map(Screen::getVisualBounds).toList();
        WindowBounds fitted = fit(saved.get(), visible, stage.getMinWidth(), stage.getMinHeight());
        LOG.info("Window placed at {},{} {}x{}{} (saved: {}; screens {})", (long) fitted.x(), (long) fitted.y(),
                (long) fitted.width(), (long) fitted.height(), fitted.maximized() ? ", maximised" : "", saved.get(),
                screens);
        stage.setX(fitted.x());
        stage.setY(fitted.y());
        stage.setWidth(fitted.width());
        stage.setHeight(fitted.height());
        normal = fitted;
        stage.setMaximized(fitted.maximized());
        return true;
    }

    /**
     * Notes the bounds after the events of this change: a maximise may move and resize the stage before its
     * maximised flag turns on, and those bounds must not become the ones it un-maximises to.
     */
    private void noteLater() {
        Platform.runLater(() -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0
                    && Double.isFinite(stage.getX()) && Double.isFinite(stage.getY())) {
                normal = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        });
    }

    private void save() {
        if (normal == null) {
            return;
        }
        WindowBounds saved = new WindowBounds(normal.x(), normal.y(), normal.width(), normal.height(),
                stage.isMaximized());
        try {
            store.saveWindowBounds(layoutKey(screenBounds()), saved);
        } catch (IOException | RuntimeException e) {
            // Forgetting the window's place is no reason to fail a close.
            LOG.warn("The window's bounds could not be saved to {}: {}", store.file(), e.toString());
        }
    }

    private static List<Rectangle2D> screenBounds() {
        return Screen.getScreens().stream().map(Screen::getBounds).toList();
    }

    private static Comparator<Screen> primaryFirst() {
        return Comparator.comparing(screen -> !screen.equals(Screen.getPrimary()));
    }

    /** Names a screen layout by its screens' bounds, in a fixed order: "0,0 1920x1080;1920,0 2560x1440". */
    static String layoutKey(List<Rectangle2D> screens) {
        return screens.stream()
                .sorted(Comparator.comparingDouble(Rectangle2D::getMinX).thenComparingDouble(Rectangle2D::getMinY))
                .map(bounds -> String.format(Locale.ROOT, "%.0f,%.0f %.0fx%.0f", bounds.getMinX(), bounds.getMinY(),
                        bounds.getWidth(), bounds.getHeight()))
                .collect(Collectors.joining(";"));
    }

    /**
     * {@code saved} moved onto the screen it overlaps most (the first, the primary, when it overlaps none) and made
     * no larger than that screen, so that all of it is visible; no smaller than the minimum size the screen allows.
     *
     * @param screens the screens' visible areas (without task bars), the primary first
     */
    static WindowBounds fit(WindowBounds saved, List<Rectangle2D> screens, double minWidth, double minHeight) {
        Rectangle2D target = screens.get(0);
        double bestOverlap = 0;
        for (Rectangle2D screen : screens) {
            double overlap = overlap(saved, screen);
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                target = screen;
            }
        }
        double width = Math.min(Math.max(saved.width(), minWidth), target.getWidth());
        double height = Math.min(Math.max(saved.height(), minHeight), target.getHeight());
        double x = Math.max(target.getMinX(), Math.min(saved.x(), target.getMaxX() - width));
        double y = Math.max(target.getMinY(), Math.min(saved.y(), target.getMaxY() - height));
        return new WindowBounds(x, y, width, height, saved.maximized());
    }

    private static double overlap(WindowBounds window, Rectangle2D screen) {
        double width = Math.min(window.x() + window.width(), screen.getMaxX()) - Math.max(window.x(), screen.getMinX());
        double height = Math.min(window.y() + window.height(), screen.getMaxY()) - Math.max(window.y(), screen.getMinY());
        return width > 0 && height > 0 ? width * height : 0;
    }
}
