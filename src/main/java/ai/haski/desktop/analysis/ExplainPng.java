package ai.haski.desktop.analysis;

import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * An {@link Explanation} as a picture: the upright photo with the map drawn over it and a legend strip below, as
 * a clinician would be shown it. Drawn with java.awt only, so it works headless and outside the window.
 *
 * <p>The scale diverges around 0 and is symmetric (blue: the cell argued against the label, red: it supported
 * it, opacity by how much), so that the colour of "no effect" is always the photo itself, and a map whose values
 * are all small is not painted as if it were strong: the scale runs to the largest absolute value, never less.
 */
public final class ExplainPng {
    /** The longest side of the photo in the picture: enough to see a lesion, small enough to attach to a note. */
    public static final int MAX_SIDE = 1024;
    /** Below this the legend's words would not fit; a narrower photo is centred on a wider canvas. */
    public static final int MIN_WIDTH = 560;
    public static final int LEGEND_HEIGHT = 104;
    /** What the legend says of every map, short enough for one line. */
    public static final String LEGEND_NOTE = "occlusion estimate of this model's behaviour, not a finding";
    /** Even the strongest cell leaves the photo under it visible. */
    private static final float MAX_ALPHA = 0.65f;
    private static final Color FOR = new Color(214, 39, 40);
    private static final Color AGAINST = new Color(31, 90, 200);

    private ExplainPng() {}

    /** Decodes the explained photo upright with {@code loader} and encodes the picture as PNG bytes. */
    public static byte[] toPng(Explanation explanation, ImageLoader loader) throws ImageDecodeException {
        // Half the output side: the loader keeps a margin of a few times the target above it.
        DecodedImage decoded = loader.load(explanation.file(), MAX_SIDE / 2, MAX_SIDE / 2);
        BufferedImage picture = render(explanation, decoded.image(), decoded.originalWidth(),
                decoded.originalHeight());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The picture of {@code explanation} over {@code upright}, a decode of the photo (possibly smaller than its
     * full size {@code fullWidth} x {@code fullHeight}, in which the map's edges are given).
     */
    public static BufferedImage render(Explanation explanation, BufferedImage upright, int fullWidth,
            int fullHeight) {
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(fullWidth, fullHeight));
        int photoWidth = Math.max(1, (int) Math.round(fullWidth * scale));
        int photoHeight = Math.max(1, (int) Math.round(fullHeight * scale));
        int width = Math.max(photoWidth, MIN_WIDTH);
        int left = (width - photoWidth) / 2;
        BufferedImage picture = new BufferedImage(width, photoHeight + LEGEND_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, picture.getHeight());
            g.drawImage(upright, left, 0, photoWidth, photoHeight, null);
            OcclusionMap map = explanation.map();
            double range = range(map);
            drawCells(g, map, range, left, photoWidth / (double) fullWidth, photoHeight / (double) fullHeight);
            drawLegend(g, explanation, range, photoHeight, width);
        } finally {
            g.dispose();
        }
        return picture;
    }

    /** The largest absolute value; 0 for a map of zeros, which is then drawn as nothing. */
    static double range(OcclusionMap map) {
        double max = 0;
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                max = Math.max(max, Math.abs(map.value(r, c)));
            }
        }
        return max;
    }

    /** The colour of {@code value} on a scale from {@code -range} to {@code range}, with its opacity. */
    static Color colourOf(double value, double range) {
        if (range <= 0 || value == 0) {
            return new Color(0, 0, 0, 0);
        }
        double t = Math.max(-1, Math.min(1, value / range));
        Color base = t > 0 ? FOR : AGAINST;
        return new Color(base.getRed(), base.getGreen(), base.getBlue(), Math.round(255 * MAX_ALPHA * (float) Math.abs(t)));
    }

    private static void drawCells(Graphics2D g, OcclusionMap map, double range, int left, double sx, double sy) {
        for (int r = 0; r < map.rows(); r++) {
            // Edges rounded, not sizes: neighbouring cells then share their border with no gap or overlap.
            int y0 = (int) Math.round(map.yEdge(r) * sy);
            int y1 = (int) Math.round(map.yEdge(r + 1) * sy);
            for (int c = 0; c < map.cols(); c++) {
                int x0 = left + (int) Math.round(map.xEdge(c) * sx);
                int x1 = left + (int) Math.round(map.xEdge(c + 1) * sx);
                g.setColor(colourOf(map.value(r, c), range));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
    }

    private static void drawLegend(Graphics2D g, Explanation explanation, double range, int top, int width) {
        OcclusionMap map = explanation.map();
        int margin = 12;
        int barTop = top + 30;
        int barWidth = width - 2 * margin;
        int half = barWidth / 2;
        // Two gradients meeting at white: the same colours and opacities as the cells, seen over a white photo.
        g.setPaint(new GradientPaint(margin, 0, blend(AGAINST, MAX_ALPHA), margin + half, 0, Color.WHITE));
        g.fillRect(margin, barTop, half, 14);
        g.setPaint(new GradientPaint(margin + half, 0, Color.WHITE, margin + barWidth, 0, blend(FOR, MAX_ALPHA)));
        g.fillRect(margin + half, barTop, barWidth - half, 14);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(margin, barTop, barWidth, 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(String.format(Locale.ROOT, "%s = %s, p = %.3f; grid %d x %d; drop in p when a cell is covered",
                map.head(), map.label(), map.probability(), map.rows(), map.cols()), margin, top + 20);
        g.drawString(String.format(Locale.ROOT, "-%.3f against", range), margin, barTop + 30);
        String middle = "0";
        g.drawString(middle, margin + half - g.getFontMetrics().stringWidth(middle) / 2, barTop + 30);
        String right = String.format(Locale.ROOT, "for +%.3f", range);
        g.drawString(right, margin + barWidth - g.getFontMetrics().stringWidth(right), barTop + 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        g.drawString(LEGEND_NOTE, margin, barTop + 48);
        if (!explanation.provenance().clinicalUse()) {
            g.drawString("the model is untrained or not validated for clinical use", margin, barTop + 64);
        }
    }

    private static Color blend(Color colour, float alpha) {
        return new Color(Math.round(255 + (colour.getRed() - 255) * alpha),
                Math.round(255 + (colour.getGreen() - 255) * alpha), Math.round(255 + (colour.getBlue() - 255) * alpha));
    }
}
