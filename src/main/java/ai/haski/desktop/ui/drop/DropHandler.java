package ai.haski.desktop.ui.drop;

import ai.haski.desktop.ui.photo.ArgbPixels;
import java.util.Optional;

/** What a window does with drags: judge them while they hover, and use what is dropped. */
public interface DropHandler {

    /** Judges what hovers over the window; the verdict's message is shown while it hovers. */
    DropVerdict dragOver(DropContent content);

    /** The drag left the window or ended. */
    void dragEnded();

    /** Uses what was dropped; called after the drop event has returned. */
    void use(DropContent content, Optional<ArgbPixels> image, String how);
}
