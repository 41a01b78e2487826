package ai.haski.desktop.analysis;

import ai.haski.desktop.model.FaceBox;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The faces the installed face detector found in one photo, in pixels of the upright image, best score first; an
 * empty list when it found none. An {@link Analysis} has no {@code Faces} at all when no detector is installed.
 */
public record Faces(List<FaceBox> boxes) {

    public Faces {
        boxes = List.copyOf(boxes);
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    /** The face with the largest box: the one a photo of a patient is most likely about. */
    public Optional<FaceBox> largest() {
        return boxes.stream().max(Comparator.comparingDouble(FaceBox::area));
    }

    /**
     * The largest face enlarged by {@code margin} of its width and height on every side, kept inside the image: the
     * region a classifier that expects a face analyses ({@code --region face}), with the margin its manifest gives
     * as {@code face_margin}.
     */
    public Optional<FaceRegion> largestRegion(double margin, int imageWidth, int imageHeight) {
        return largest().map(face -> FaceRegion.around(face, margin, imageWidth, imageHeight));
    }
}
