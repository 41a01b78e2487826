package ai.haski.desktop.platform;

import java.util.List;

/** One CSV row as RFC 4180 writes it: cells with a comma, quote or line break are quoted, their quotes doubled. */
public final class CsvRow {
    private CsvRow() {}

    /** The cells joined into one line, without a line ending. */
    public static String of(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.toString();
    }
}
