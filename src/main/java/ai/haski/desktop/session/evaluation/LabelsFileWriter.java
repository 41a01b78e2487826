package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.platform.CsvRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a truth in the labels-file format {@link LabelsFileTruth} reads: a {@code file} column (the path relative
 * to the session folder) and one column per head, an empty cell where the head has no truth. So verdicts given in
 * one session can be kept, edited in a spreadsheet, and used as the truth of another.
 */
public final class LabelsFileWriter {
    private LabelsFileWriter() {}

    /** The file's bytes (UTF-8, CRLF rows), one row per photo with any truth, by path. */
    public static byte[] bytes(GroundTruth truth, List<String> heads) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(LabelsFileTruth.FILE_COLUMN);
        header.addAll(heads);
        csv.append(CsvRow.of(header)).append("\r\n");
        truth.labels().keySet().stream().sorted().forEach(file -> {
            List<String> cells = new ArrayList<>();
            cells.add(file);
            heads.forEach(head -> cells.add(truth.label(file, head).orElse("")));
            csv.append(CsvRow.of(cells)).append("\r\n");
        });
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
