package ai.haski.desktop.ui.drop;

import java.nio.file.Path;
import java.util.List;

/**
 * What a drag (or the clipboard) offers, reduced to what decides whether we can use it.
 *
 * @param files    the files offered, if any
 * @param hasImage whether an image itself is offered (e.g. dragged from a browser, or copied in an editor)
 * @param hasText  whether plain text or a link is offered
 */
public record DropContent(List<Path> files, boolean hasImage, boolean hasText) {

    public DropContent {
        files = List.copyOf(files);
    }

    public static DropContent ofFiles(List<Path> files) {
        return new DropContent(files, false, false);
    }
}
