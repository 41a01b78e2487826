package ai.haski.desktop.platform;

/**
 * Where a window was and how big, in screen coordinates, and whether it was maximised; when it was, the bounds are
 * those it returns to when un-maximised.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    public WindowBounds {
        if (!(Double.isFinite(x) && Double.isFinite(y) && width > 0 && height > 0 && Double.isFinite(width)
                && Double.isFinite(height))) {
            throw new IllegalArgumentException("not a window's bounds: " + x + "," + y + " " + width + "x" + height);
        }
    }
}
