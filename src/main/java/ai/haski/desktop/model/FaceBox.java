package ai.haski.desktop.model;

/**
 * One face a detector found: its box in pixels of the upright picture ({@code x}, {@code y} the top-left corner)
 * and the detector's score for it, 0 to 1.
 */
public record FaceBox(double x, double y, double width, double height, double score) {

    public double area() {
        return width * height;
    }

    /** Intersection over union with another box: 0 apart, 1 the same box. */
    public double iou(FaceBox other) {
        double w = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        double h = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        double inner = w * h;
        double union = area() + other.area() - inner;
        return union > 0 ? inner / union : 0;
    }
}
