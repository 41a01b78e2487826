package ai.haski.desktop.ui.main;

import ai.haski.desktop.ui.notice.Notice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the app was started with, and how the window takes it: one photo is shown, several are stepped through, a
 * folder opens as its review session. Photos come first: with photos, folders named beside them are left unopened
 * (a shell's {@code *} names sub-folders too, and the photos are what was meant); without photos, the first folder
 * opens. The window says what it left unopened.
 *
 * @param photos    the files, in the order given (the decoder, not the name, decides whether each is a photo)
 * @param folder    the folder to open as a session
 * @param notOpened the folders left unopened
 */
public record LaunchFiles(List<Path> photos, Optional<Path> folder, List<Path> notOpened) {
    public LaunchFiles {
        photos = List.copyOf(photos);
        notOpened = List.copyOf(notOpened);
    }

    /** Sorts {@code paths} into photos and folders (a path that is not a folder counts as a photo). */
    public static LaunchFiles of(List<Path> paths) {
        List<Path> photos = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (Path path : paths) {
            (Files.isDirectory(path) ? folders : photos).add(path);
        }
        if (!photos.isEmpty() || folders.isEmpty()) {
            return new LaunchFiles(photos, Optional.empty(), folders);
        }
        return new LaunchFiles(List.of(), Optional.of(folders.get(0)), folders.subList(1, folders.size()));
    }

    /** Opens them in the window, and says in a notice which folders were not opened and how to open them. */
    public void openIn(MainViewModel main) {
        main.sequence().start(photos);
        folder.ifPresent(main.session()::openFolder);
        if (!notOpened.isEmpty()) {
            String names = notOpened.stream().map(LaunchFiles::nameOf).collect(Collectors.joining(", "));
            main.post(Notice.info((folder.isPresent()
                    ? "One folder is reviewed at a time: " + nameOf(folder.get()) + " is open; not opened: " + names
                    : "Folders given with photos are not opened: " + names)
                    + ". File > Open folder… opens one as a review session."));
        }
    }

    private static String nameOf(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
