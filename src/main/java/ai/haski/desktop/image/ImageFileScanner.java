package ai.haski.desktop.image;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Expands the paths a user gives (files and folders) into the image files to analyse.
 *
 * <p>Folders are walked recursively, following symbolic links but never round a loop; hidden files and folders are
 * skipped; files whose extension is not an image type are counted as skipped. A path named explicitly is always
 * kept, whatever it is, so that its problem is reported rather than silently ignored.
 */
public final class ImageFileScanner {

    /** The files found, what was passed over, and the problems met on the way. */
    public record Scan(List<Path> images, List<Path> skipped, List<String> problems) {
        public Scan {
            images = List.copyOf(images);
            skipped = List.copyOf(skipped);
            problems = List.copyOf(problems);
        }
    }

    private ImageFileScanner() {}

    /** Scans the given paths in order; each folder's entries come sorted by name. */
    public static Scan scan(List<Path> paths) {
        List<Path> images = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, images, skipped, problems);
            } else {
                images.add(path);
            }
        }
        return new Scan(images, skipped, problems);
    }

    private static void walk(Path root, List<Path> images, List<Path> skipped, List<String> problems) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isHidden(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) {
                                // With FOLLOW_LINKS a link is only reported as itself when its target is gone.
                                problems.add(file + ": broken symbolic link, skipped");
                            } else if (!SupportedImageTypes.isSupportedName(file)) {
                                skipped.add(file);
                            } else if (!attrs.isRegularFile()) {
                                problems.add(file + ": not a regular file (a pipe or device), skipped");
                            } else {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                problems.add(file + ": symbolic link loop, not followed");
                            } else if (!isHidden(file)) {
                                problems.add(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                                        + e.getMessage() + ")");
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(root + ": cannot be scanned: " + e.getMessage());
        }
        found.sort(null);
        images.addAll(found);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
