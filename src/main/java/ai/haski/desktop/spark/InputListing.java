package ai.haski.desktop.spark;

import ai.haski.desktop.image.SupportedImageTypes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The photos a job's {@code --input} names, listed once on the driver through Hadoop's FileSystem (so HDFS, S3 and
 * local paths alike): a folder (recursively, image names only, hidden files and folders skipped, as {@code analyze}
 * scans one), a glob ({@code s3a://bucket/2024/*}{@code /*.jpg}), or a list file ending in {@code .txt} or
 * {@code .csv} with one path a line (a CSV's first column; a header cell {@code path} or {@code file} is skipped;
 * relative paths are taken from the list's folder).
 */
final class InputListing {
    private InputListing() {}

    /** The photos, fully qualified and sorted (a list file keeps its own order), never empty. */
    static List<String> list(String input, Configuration conf) throws IOException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        List<String> photos = new ArrayList<>();
        if (isGlob(input)) {
            FileStatus[] matches = fs.globStatus(path);
            for (FileStatus match : matches == null ? new FileStatus[0] : matches) {
                if (match.isDirectory()) {
                    addFolder(fs, match.getPath(), photos);
                } else {
                    photos.add(match.getPath().toString());
                }
            }
            photos.sort(null);
        } else if (!fs.exists(path)) {
            throw new IOException("the input " + input + " does not exist; give a folder, a glob or a .txt/.csv "
                    + "list of photo paths");
        } else if (fs.getFileStatus(path).isDirectory()) {
            addFolder(fs, fs.makeQualified(path), photos);
            photos.sort(null);
        } else if (isListFile(path)) {
            addListed(fs, fs.makeQualified(path), conf, photos);
        } else {
            photos.add(fs.makeQualified(path).toString());
        }
        if (photos.isEmpty()) {
            throw new IOException("no photos found in " + input + " (supported: "
                    + String.join(", ", SupportedImageTypes.extensions().stream().sorted().toList()) + ")");
        }
        return photos;
    }

    private static boolean isGlob(String input) {
        return input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static boolean isListFile(Path path) {
        String name = path.getName().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".csv");
    }

    private static void addFolder(FileSystem fs, Path folder, List<String> photos) throws IOException {
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(folder, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (!hidden(folder, file) && SupportedImageTypes.isSupportedName(java.nio.file.Path.of(file.getName()))) {
                photos.add(file.toString());
            }
        }
    }

    /** Whether a name between the folder and the file (or the file's own) starts with a dot. */
    private static boolean hidden(Path folder, Path file) {
        for (Path at = file; at != null && !at.equals(folder); at = at.getParent()) {
            if (at.getName().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void addListed(FileSystem fs, Path list, Configuration conf, List<String> photos)
            throws IOException {
        boolean csv = list.getName().toLowerCase(Locale.ROOT).endsWith(".csv");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(list), StandardCharsets.UTF_8))) {
            boolean first = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String cell = csv ? firstCell(line) : line.strip();
                boolean header = first && csv && (cell.equalsIgnoreCase("path") || cell.equalsIgnoreCase("file"));
                first = false;
                if (cell.isEmpty() || cell.startsWith("#") || header) {
                    continue;
                }
                Path named = new Path(cell);
                Path resolved = named.isAbsoluteAndSchemeAuthorityNull() || named.toUri().getScheme() != null
                        ? named : new Path(list.getParent(), named);
                photos.add(resolved.getFileSystem(conf).makeQualified(resolved).toString());
            }
        }
    }

    /** A CSV line's first cell, unquoted ({@code "a, b.jpg",x} gives {@code a, b.jpg}). */
    static String firstCell(String line) {
        String text = line.strip();
        if (!text.startsWith("\"")) {
            int comma = text.indexOf(',');
            return (comma < 0 ? text : text.substring(0, comma)).strip();
        }
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                cell.append(c);
            }
        }
        return cell.toString();
    }
}
