package ai.haski.desktop.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * One CSV row as RFC 4180 writes it: cells with a comma, quote or line break are quoted, their quotes doubled.
 *
 * <p>Text cells (file names, notes, labels, messages: anything a user, a photo's name or a model package can
 * choose) are neutralised against formula injection: a spreadsheet runs a cell that starts with {@code =}, {@code
 * +}, {@code -}, {@code @}, a tab or a carriage return as a formula, so such a cell gets a leading {@code '}, which
 * spreadsheets show as text and do not display. Numbers the app formats itself (a confidence) are added with {@link
 * #number}, unchanged, so that a spreadsheet still reads them as numbers.
 */
public final class CsvRow {
    private final List<String> cells = new ArrayList<>();

    private CsvRow() {}

    /** An empty row. */
    public static CsvRow create() {
        return new CsvRow();
    }

    /** A row of text cells, each neutralised, joined into one line without a line ending. */
    public static String of(List<String> texts) {
        return create().texts(texts).line();
    }

    /** Adds a text cell, neutralised if a spreadsheet would take it for a formula. */
    public CsvRow text(String value) {
        cells.add(neutralised(value));
        return this;
    }

    /** Adds text cells, each as {@link #text}. */
    public CsvRow texts(List<String> values) {
        values.forEach(this::text);
        return this;
    }

    /** Adds {@code count} empty cells. */
    public CsvRow empty(int count) {
        for (int i = 0; i < count; i++) {
            cells.add("");
        }
        return this;
    }

    /**
     * Adds a number the app formatted itself, unchanged: a negative number must stay a number. Refuses anything that
     * is not a plain decimal number, so that text cannot come in this way.
     */
    public CsvRow number(String formatted) {
        if (!formatted.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            throw new IllegalArgumentException("not a formatted number: " + formatted);
        }
        cells.add(formatted);
        return this;
    }

    /** The cells joined into one line, without a line ending. */
    public String line() {
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

    /** The text as a spreadsheet will show it and never run it (OWASP's advice for CSV injection). */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    /**
     * The text a cell held before {@link #text} neutralised it: what a reader of the app's own CSV (a labels file
     * read back in) must compare, so that {@code =1+1.png} still names the photo {@code =1+1.png}.
     */
    public static String original(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && !neutralised(cell.substring(1)).equals(cell.substring(1))
                ? cell.substring(1) : cell;
    }
}
