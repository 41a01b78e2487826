package ai.haski.desktop.session;

import ai.haski.desktop.analysis.Analysis;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Takes results computed elsewhere into a session: the JSON Lines output of the Spark job (its folder of part
 * files) or of {@code analyze --out}. Each row goes to the session photo it names, found by its path relative to the
 * session's folder, or, for a path from another machine or file system ({@code hdfs://nn/archive/2024/a.jpg}), by
 * the longest tail of it that is a photo's relative path ({@code 2024/a.jpg}). A photo that already has a result
 * from the same model (weights and format) keeps it. Rows with an error are not imported: the session's own batch
 * tries those photos again.
 */
public final class ResultImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What an import did.
     *
     * @param imported results saved in the session
     * @param alreadyThere rows skipped because that photo already had a result from that model
     * @param failedRows rows that were an error (not imported)
     * @param notInFolder rows whose photo is not a present photo of the session's folder
     * @param problems lines that could not be read, in words (each names its file and line)
     */
    public record Report(int imported, int alreadyThere, int failedRows, int notInFolder, List<String> problems) {
        public Report {
            problems = List.copyOf(problems);
        }
    }

    private final Session session;
    private final Map<String, Photo> photos = new HashMap<>();
    private int imported;
    private int alreadyThere;
    private int failedRows;
    private int notInFolder;
    private final List<String> problems = new ArrayList<>();

    private ResultImport(Session session) throws SessionException {
        this.session = session;
        for (Photo photo : session.photos().all()) {
            if (photo.state() == PhotoState.PRESENT) {
                photos.put(photo.relativePath(), photo);
            }
        }
    }

    /**
     * Imports {@code source} (a job's output folder or a JSON Lines file) into {@code session}, whose folder has been
     * scanned.
     *
     * @throws IOException when the source cannot be read, or is Parquet (which needs Spark to read)
     */
    public static Report run(Session session, Path source) throws IOException, SessionException {
        ResultImport run = new ResultImport(session);
        for (Path file : files(source)) {
            run.importFile(file);
        }
        return new Report(run.imported, run.alreadyThere, run.failedRows, run.notInFolder, run.problems);
    }

    private static List<Path> files(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            if (!Files.isRegularFile(source)) {
                throw new IOException(source + " does not exist; give the Spark job's --output folder or a JSON "
                        + "Lines file");
            }
            return List.of(source);
        }
        try (Stream<Path> entries = Files.list(source)) {
            // Spark names its output files part-*; _SUCCESS, .crc files and anything else are not rows.
            List<Path> parts = entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith("part-"))
                    .sorted().toList();
            if (parts.stream().anyMatch(p -> p.getFileName().toString().endsWith(".parquet"))) {
                throw new IOException(source + " holds Parquet, which only Spark reads; run the job with --format "
                        + "json to import its results here");
            }
            if (parts.isEmpty()) {
                throw new IOException(source + " holds no part files: is it the job's --output folder?");
            }
            return parts;
        }
    }

    private void importFile(Path file) throws IOException, SessionException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file.getFileName() + " line " + (i + 1);
            JsonNode row;
            try {
                row = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                problems.add(where + ": not JSON (" + e.getOriginalMessage() + ")");
                continue;
            }
            importRow(row, where);
        }
    }

    private void importRow(JsonNode row, String where) throws SessionException {
        if (row.has("error")) {
            failedRows++;
            return;
        }
        Optional<Photo> photo = photoOf(row.path("file").asText(""));
        if (photo.isEmpty()) {
            notInFolder++;
            return;
        }
        Analysis analysis;
        try {
            analysis = ImportedOutcome.parse(row, photo.get().resolveIn(session.root()));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": not an analyze result: " + e.getMessage());
            return;
        }
        ModelKey model = ModelKey.of(analysis.provenance());
        if (session.results().forPhoto(photo.get().id(), model).filter(StoredResult::succeeded).isPresent()) {
            alreadyThere++;
            return;
        }
        session.results().save(photo.get(), analysis, analysis.provenance(), photo.get().sizeBytes(),
                photo.get().modifiedMillis());
        imported++;
    }

    /** The session photo a row's file names: under the folder by its relative path, else by its longest tail. */
    private Optional<Photo> photoOf(String file) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String path = file.replace('\\', '/');
        String root = session.root().toString().replace('\\', '/') + "/";
        if (path.startsWith(root) && photos.containsKey(path.substring(root.length()))) {
            return Optional.of(photos.get(path.substring(root.length())));
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            Photo photo = photos.get(path.substring(slash + 1));
            if (photo != null) {
                return Optional.of(photo);
            }
        }
        return Optional.ofNullable(photos.get(path));
    }
}
