package ai.haski.desktop.ui.drop;

import ai.haski.desktop.ui.photo.ArgbPixels;
import ai.haski.desktop.ui.photo.FxPictures;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Makes a node accept photos dragged from the file manager: the verdict shows while the drag hovers, a refused
 * drag is not accepted, and the work starts only after the drop event has returned.
 */
public final class DropTarget {
    private DropTarget() {}

    public static void install(Node node, DropHandler handler) {
        node.addEventHandler(DragEvent.DRAG_OVER, event -> {
            DropVerdict verdict = handler.dragOver(contentOf(event.getDragboard()));
            if (verdict.accepted()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        node.addEventHandler(DragEvent.DRAG_EXITED, event -> handler.dragEnded());
        node.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            Dragboard board = event.getDragboard();
            DropContent content = contentOf(board);
            DropVerdict verdict = DropCheck.check(content);
            // The dragboard is only readable inside this handler; the pixels are copied now, used later.
            Optional<ArgbPixels> image = verdict.usesImage() ? FxPictures.pixelsOf(board.getImage()) : Optional.empty();
            event.setDropCompleted(verdict.accepted());
            event.consume();
            Platform.runLater(() -> handler.use(content, image, "dropped"));
        });
    }

    /** What a clipboard or dragboard offers. */
    public static DropContent contentOf(Clipboard board) {
        List<Path> files = board.hasFiles() ? board.getFiles().stream().map(File::toPath).toList() : List.of();
        return new DropContent(files, board.hasImage(), board.hasString() || board.hasUrl());
    }
}
