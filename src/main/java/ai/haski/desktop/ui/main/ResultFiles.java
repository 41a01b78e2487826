package ai.haski.desktop.ui.main;

import static ai.haski.desktop.ui.main.UserTexts.nameOf;

import java.nio.file.Path;
import java.util.Optional;

/** Where "Save result" suggests writing a photo's result: beside the photo, named after it. */
final class ResultFiles {
    private ResultFiles() {}

    /** The photo's name with {@code .haski.json} in place of its extension; {@code result.haski.json} without one. */
    static String suggestedName(Optional<Path> photo) {
        if (photo.isEmpty()) {
            return "result.haski.json";
        }
        String name = nameOf(photo.get());
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".haski.json";
    }

    /** The photo's folder, where a user looks for its result afterwards. */
    static Optional<Path> suggestedFolder(Optional<Path> photo) {
        return photo.map(Path::toAbsolutePath).map(Path::getParent);
    }
}
