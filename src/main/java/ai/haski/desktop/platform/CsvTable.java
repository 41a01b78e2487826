package ai.haski.desktop.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 writes it (the counterpart of {@link CsvRow}): quoted cells may hold commas, doubled
 * quotes and line breaks; rows end in CRLF or LF. A leading byte order mark is dropped, since spreadsheet programs
 * write one. Blank lines are skipped.
 */
public final class CsvTable {
    private CsvTable() {}

    /**
     * The rows of {@code text}, each a list of cells.
     *
     * @throws IllegalArgumentException naming the line, for a quote that is never closed or text right after one
     */
    public static List<List<String>> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, cell);
                row = new ArrayList<>();
                afterQuote = false;
                line++;
            } else if (afterQuote) {
                throw new IllegalArgumentException("line " + line + ": text after a closing quote");
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + quoteLine + ": a quote is opened and never closed");
        }
        endRow(rows, row, cell);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder cell) {
        row.add(cell.toString());
        cell.setLength(0);
        boolean blank = row.size() == 1 && row.get(0).isEmpty();
        if (!blank) {
            rows.add(row);
        }
    }
}
