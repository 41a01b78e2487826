package ai.haski.desktop.analysis;

import ai.haski.desktop.model.FaceBox;

/** A rectangle of whole pixels of the upright image around a face, for analysing the face alone. */
public record FaceRegion(int x, int y, int width, int height) {

    /** The face's box grown by {@code margin} of its size on each side, then cut to the image. */
    public static FaceRegion around(FaceBox face, double margin, int imageWidth, int imageHeight) {
        if (margin < 0) {
            throw new IllegalArgumentException("a face margin cannot be negative: " + margin);
        }
        double left = face.x() - face.width() * margin;
        double top = face.y() - face.height() * margin;
        double right = face.x() + face.width() * (1 + margin);
        double bottom = face.y() + face.height() * (1 + margin);
        int x0 = (int) Math.max(0, Math.floor(left));
        int y0 = (int) Math.max(0, Math.floor(top));
        int x1 = (int) Math.min(imageWidth, Math.ceil(right));
        int y1 = (int) Math.min(imageHeight, Math.ceil(bottom));
        return new FaceRegion(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }
}
