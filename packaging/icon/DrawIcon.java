import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the application icon: a photo card with a magnifying lens over it, on a teal rounded square.
 *
 * <p>Run {@code java -Djava.awt.headless=true packaging/icon/DrawIcon.java packaging/icon/haski-desktop.png}
 * to regenerate the committed PNG (256 x 256).
 */
public final class DrawIcon {
    private static final int SIZE = 256;

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "haski-desktop.png");
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        // Background tile.
        g.setPaint(new GradientPaint(0, 0, new Color(0x1F, 0x9E, 0x96), SIZE, SIZE, new Color(0x12, 0x4E, 0x6B)));
        g.fill(new RoundRectangle2D.Double(8, 8, SIZE - 16, SIZE - 16, 56, 56));

        // Photo card, slightly tilted, with a sun and two hills.
        Graphics2D card = (Graphics2D) g.create();
        card.rotate(Math.toRadians(-8), 110, 112);
        card.setColor(new Color(0xFA, 0xF7, 0xF0));
        card.fill(new RoundRectangle2D.Double(40, 52, 140, 116, 14, 14));
        card.setColor(new Color(0xF2, 0xB2, 0x6B));
        card.fill(new Ellipse2D.Double(58, 68, 30, 30));
        card.setColor(new Color(0x7C, 0xB3, 0x7E));
        card.fillPolygon(new int[] {50, 96, 140}, new int[] {158, 104, 158}, 3);
        card.setColor(new Color(0x4F, 0x8F, 0x6A));
        card.fillPolygon(new int[] {104, 142, 172}, new int[] {158, 116, 158}, 3);
        card.dispose();

        // Lens: translucent glass, white ring, handle.
        g.setColor(new Color(255, 255, 255, 70));
        g.fill(new Ellipse2D.Double(118, 106, 86, 86));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(13f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(118, 106, 86, 86));
        g.setStroke(new BasicStroke(20f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(196, 184, 224, 212));
        g.dispose();

        Files.createDirectories(target.toAbsolutePath().getParent());
        ImageIO.write(image, "png", target.toFile());
        System.out.println("wrote " + target);
    }
}
