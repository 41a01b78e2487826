package ai.haski.desktop.ui.result;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Every label of one head as a horizontal bar with its name and percentage, drawn on one canvas.
 *
 * <p>Drawn rather than built from labels: a label per name and percentage made 70 styled nodes per result, and
 * their first CSS and layout pass cost the UI thread over 80 ms on a 2-core machine. One canvas per head costs a
 * few milliseconds. The values stay available to screen readers through the accessible text.
 */
final class DistributionBars extends Region {
    static final double ROW_HEIGHT = 20;
    private static final double NAME_WIDTH = 118;
    private static final double PERCENT_WIDTH = 64;
    private static final double BAR_HEIGHT = 11;
    private static final Color TRACK = Color.web("#e6e6e6");
    private static final Color FILL = Color.web("#8fa9c7");
    private static final Color TOP_FILL = Color.web("#1f5fa8");
    private static final Color TEXT = Color.web("#1a1a1a");

    private final Canvas canvas = new Canvas();
    private List<LabelShare> shares = List.of();

    DistributionBars() {
        getStyleClass().add("distribution-bars");
        getChildren().add(canvas);
        setAccessibleRole(AccessibleRole.TEXT);
        setFocusTraversable(false);
    }

    void show(List<LabelShare> shown) {
        this.shares = List.copyOf(shown);
        setAccessibleText(shares.stream().map(s -> s.label() + " " + s.percentText())
                .collect(Collectors.joining(", ")));
        requestLayout();
        draw();
    }

    /** The shares as drawn, for tests and screen readers. */
    List<LabelShare> shares() {
        return shares;
    }

    @Override
    protected double computePrefHeight(double width) {
        return shares.size() * ROW_HEIGHT + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return NAME_WIDTH + PERCENT_WIDTH + 120;
    }

    @Override
    protected double computeMinWidth(double height) {
        return NAME_WIDTH + PERCENT_WIDTH + 40;
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            draw();
        }
    }

    private void draw() {
        double width = canvas.getWidth();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, canvas.getHeight());
        if (width <= 0) {
            return;
        }
        Font regular = Font.font(Font.getDefault().getFamily(), Font.getDefault().getSize());
        Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize());
        double barX = NAME_WIDTH;
        double barWidth = Math.max(20, width - NAME_WIDTH - PERCENT_WIDTH - 8);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < shares.size(); i++) {
            LabelShare share = shares.get(i);
            double middle = i * ROW_HEIGHT + ROW_HEIGHT / 2;
            g.setFont(share.top() ? bold : regular);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(share.label(), 0, middle, NAME_WIDTH - 8);
            g.setFill(TRACK);
            g.fillRoundRect(barX, middle - BAR_HEIGHT / 2, barWidth, BAR_HEIGHT, 4, 4);
            double fraction = Math.max(0, Math.min(1, share.probability()));
            if (fraction > 0) {
                g.setFill(share.top() ? TOP_FILL : FILL);
                g.fillRoundRect(barX, middle - BAR_HEIGHT / 2, Math.max(2, barWidth * fraction), BAR_HEIGHT, 4, 4);
            }
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(share.percentText(), width, middle);
        }
    }
}
