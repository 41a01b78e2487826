package ai.haski.desktop.ui;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.ui.photo.ArgbPixels;
import ai.haski.desktop.ui.photo.FxPictures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests do to the real window: run on the FX thread, find nodes, fire drags, wait. */
final class FxProbe {
    private FxProbe() {}

    /** Runs {@code action} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    static <T extends Node> T lookup(Stage stage, String selector) {
        Node node = stage.getScene().lookup(selector);
        if (node == null) {
            throw new AssertionError("no node " + selector);
        }
        return (T) node;
    }

    static String text(Stage stage, String selector) throws Exception {
        return fx(() -> ((Label) lookup(stage, selector)).getText());
    }

    /** Fires a drag event carrying {@code file} at the photo pane, as the toolkit does; the accepted mode. */
    static TransferMode drag(Stage stage, EventType<DragEvent> type, Path file) throws Exception {
        return fx(() -> {
            Node target = lookup(stage, "#photoPane");
            Dragboard board = TestDragboard.create();
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(file.toFile()));
            board.setContent(content);
            DragEvent event = new DragEvent(type, board, 200, 200, 200, 200, TransferMode.COPY, null, null, null);
            Event.fireEvent(target, event);
            return event.getAcceptedTransferMode();
        });
    }

    /** Waits up to 30 s for {@code condition} (checked on the FX thread); on timeout says what the window showed. */
    static void waitUntil(String what, Callable<Boolean> condition, Callable<String> windowState) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; " + fx(windowState), e);
        }
    }

    /** Writes what {@code window} shows to {@code target/ui-snapshots/NAME.png}, to be looked at (and for the README). */
    static void snapshot(Window window, String name) throws Exception {
        ArgbPixels pixels = fx(() -> FxPictures.pixelsOf(window.getScene().snapshot(null)).orElseThrow());
        Path folder = Files.createDirectories(TestFiles.repo().resolve("target/ui-snapshots"));
        ImageIO.write(pixels.toBufferedImage(), "png", folder.resolve(name + ".png").toFile());
    }
}
