package ai.haski.desktop.session.evaluation;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A top-to-bottom writer of A4 pages for the PDF report: text that wraps, a cursor that moves down and starts a new
 * page when the next block does not fit, and the few drawing calls the charts need. Coordinates given to the drawing
 * calls are from the top-left of a block placed with {@link #block}, as on screen.
 *
 * <p>Why the standard Helvetica and not an embedded font: no font file to ship or load, and every PDF reader has it.
 * It covers Latin-1 (Windows-1252); a character outside it (a photo name in Greek or Chinese) is written as "?",
 * and the HTML report shows it as it is.
 */
final class PdfCanvas implements AutoCloseable {
    static final float MARGIN = 48;
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDRectangle SIZE = PDRectangle.A4;

    private final PDDocument document = new PDDocument();
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream stream;
    private float y;
    private float blockTop;

    PdfCanvas() throws IOException {
        newPage();
    }

    PDDocument document() {
        return document;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }

    /** Makes room for {@code height} points below the cursor, on a new page when this one has too little left. */
    void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    /** Moves the cursor down. */
    void skip(float height) {
        y -= height;
    }

    /** Reserves a block of {@code height} points (a new page when needed) for drawing at block coordinates. */
    void block(float height) throws IOException {
        ensure(height);
        blockTop = y;
        y -= height;
    }

    /** Text wrapped to the page's width from {@code indent}; a new page where it runs out. */
    void paragraph(String text, PDType1Font font, float size, float indent) throws IOException {
        float leading = size * 1.35f;
        for (String line : wrap(safe(text, font), font, size, width() - indent)) {
            ensure(leading);
            y -= leading;
            text(line, font, size, MARGIN + indent, y);
        }
    }

    /** One line of text at block coordinates (x from the left margin, top from the block's top). */
    void textAt(String text, PDType1Font font, float size, float x, float top) throws IOException {
        text(safe(text, font), font, size, MARGIN + x, blockTop - top - size);
    }

    /** As {@link #textAt}, centred on {@code x}. */
    void centredAt(String text, PDType1Font font, float size, float x, float top) throws IOException {
        String shown = safe(text, font);
        textAt(shown, font, size, x - textWidth(shown, font, size) / 2, top);
    }

    float textWidth(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(safe(text, font)) / 1000 * size;
    }

    private void text(String text, PDType1Font font, float size, float x, float baseline) throws IOException {
        stream.beginText();
        stream.setNonStrokingColor(Color.BLACK);
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    /** A filled rectangle at block coordinates. */
    void fill(float x, float top, float w, float h, Color colour) throws IOException {
        stream.setNonStrokingColor(colour);
        stream.addRect(MARGIN + x, blockTop - top - h, w, h);
        stream.fill();
    }

    /** A rectangle's outline at block coordinates. */
    void outline(float x, float top, float w, float h, Color colour, float lineWidth) throws IOException {
        stream.setStrokingColor(colour);
        stream.setLineWidth(lineWidth);
        stream.addRect(MARGIN + x, blockTop - top - h, w, h);
        stream.stroke();
    }

    /** A straight line at block coordinates, dashed when {@code dashed}. */
    void line(float x1, float top1, float x2, float top2, Color colour, float lineWidth, boolean dashed)
            throws IOException {
        stream.setStrokingColor(colour);
        stream.setLineWidth(lineWidth);
        stream.setLineDashPattern(dashed ? new float[] {4, 3} : new float[0], 0);
        stream.moveTo(MARGIN + x1, blockTop - top1);
        stream.lineTo(MARGIN + x2, blockTop - top2);
        stream.stroke();
        stream.setLineDashPattern(new float[0], 0);
    }

    /** The text with every character the font cannot write replaced by "?". */
    String safe(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean ok = cp >= 0x20 && cp != 0x7f && encodable.computeIfAbsent(cp, c -> canEncode(font, c));
            out.append(ok ? Character.toString(cp) : "?");
        });
        return out.toString();
    }

    private static boolean canEncode(PDType1Font font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String whole : text.split(" ")) {
            String word = whole;
            // A word wider than the line (a long path) is cut where it must be, rather than run off the page.
            while (font.getStringWidth(word) / 1000 * size > width && word.length() > 1) {
                int fits = word.length() - 1;
                while (fits > 1 && font.getStringWidth(word.substring(0, fits)) / 1000 * size > width) {
                    fits--;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, fits));
                word = word.substring(fits);
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Finishes the last page and returns the file's bytes. */
    byte[] bytes() throws IOException {
        stream.close();
        stream = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        document.close();
    }
}
