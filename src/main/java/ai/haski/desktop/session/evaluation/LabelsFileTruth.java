package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.platform.CsvRow;
import ai.haski.desktop.platform.CsvTable;
import ai.haski.desktop.session.Photo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The truth from a labels file: CSV with a {@code file} column and one column per head, named by head id, holding
 * label ids. {@code file} is a path relative to the session folder, or a bare file name when exactly one photo of
 * the session has it. An empty cell means "no truth for this head".
 *
 * <p>Nothing is guessed: a file the session does not have, a name that fits several photos, a column that is no
 * head, a label the head does not have, a photo listed twice: each is left out and reported in the truth's
 * problems, so the user sees what did not count.
 */
public final class LabelsFileTruth {
    /** The column naming the photo. */
    public static final String FILE_COLUMN = "file";

    private LabelsFileTruth() {}

    /**
     * Reads the labels file.
     *
     * @param photos the session's photos
     * @param heads each head the models know, with its labels
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not CSV or has no {@code file} column, so nothing in it can count
     */
    public static GroundTruth read(Path file, List<Photo> photos, Map<String, List<String>> heads)
            throws IOException {
        List<List<String>> rows;
        try {
            rows = CsvTable.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the labels file " + file + " is not valid CSV: " + e.getMessage(), e);
        }
        if (rows.isEmpty() || !rows.get(0).contains(FILE_COLUMN)) {
            throw new IllegalArgumentException("the labels file " + file + " needs a header row with a \""
                    + FILE_COLUMN + "\" column and one column per head (" + String.join(", ", heads.keySet()) + ")");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        List<String> problems = new ArrayList<>();
        Map<Integer, String> headColumns = headColumns(header, heads, problems);
        PhotoNames names = new PhotoNames(photos);
        Map<String, Map<String, String>> truth = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        int fileColumn = header.indexOf(FILE_COLUMN);
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.size() != header.size()) {
                problems.add("row " + line + ": " + row.size() + " cells for " + header.size() + " columns, left out");
                continue;
            }
            String named = CsvRow.original(row.get(fileColumn).strip());
            String photo = names.resolve(named, line, problems);
            if (photo == null) {
                continue;
            }
            Integer earlier = firstRow.putIfAbsent(photo, line);
            if (earlier != null) {
                problems.add("row " + line + ": " + photo + " is listed again (first in row " + earlier
                        + "), left out");
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            headColumns.forEach((column, head) -> {
                String label = CsvRow.original(row.get(column).strip());
                if (label.isEmpty()) {
                    return;
                }
                if (heads.get(head).contains(label)) {
                    labels.put(head, label);
                } else {
                    problems.add("row " + line + ": \"" + label + "\" is not a label of " + head + " (its labels: "
                            + String.join(", ", heads.get(head)) + "), left out");
                }
            });
            if (!labels.isEmpty()) {
                truth.put(photo, labels);
            }
        }
        return new GroundTruth("labels", Map.of("file", file.toString()), truth, problems);
    }

    private static Map<Integer, String> headColumns(List<String> header, Map<String, List<String>> heads,
            List<String> problems) {
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.equals(FILE_COLUMN)) {
                continue;
            }
            if (columns.containsValue(name)) {
                problems.add("column \"" + name + "\" appears twice; only the first counts");
            } else if (heads.containsKey(name)) {
                columns.put(i, name);
            } else {
                problems.add("column \"" + name + "\" is not a head of the model (its heads: "
                        + String.join(", ", heads.keySet()) + "), left out");
            }
        }
        return columns;
    }

    /** Finds the session's photo a labels file names, by relative path or by a unique bare name. */
    private static final class PhotoNames {
        private final Map<String, String> byPath = new HashMap<>();
        private final Map<String, List<String>> byName = new HashMap<>();

        PhotoNames(List<Photo> photos) {
            for (Photo photo : photos) {
                String path = photo.relativePath();
                byPath.put(path, path);
                byName.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1), n -> new ArrayList<>()).add(path);
            }
        }

        String resolve(String named, int line, List<String> problems) {
            // Paths written on Windows or with a leading ./ name the same photo.
            String path = named.replace('\\', '/');
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            if (path.isEmpty()) {
                problems.add("row " + line + ": no file named, left out");
                return null;
            }
            if (byPath.containsKey(path)) {
                return path;
            }
            List<String> candidates = path.contains("/") ? List.of() : byName.getOrDefault(path, List.of());
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            if (candidates.size() > 1) {
                problems.add("row " + line + ": \"" + named + "\" fits " + candidates.size() + " photos ("
                        + String.join(", ", candidates) + "); give the path relative to the session folder");
            } else {
                problems.add("row " + line + ": the session has no photo \"" + named + "\", left out");
            }
            return null;
        }
    }
}
