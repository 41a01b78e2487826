package ai.haski.desktop.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * Which part of a photo to analyse, as a face asks for it: the whole photo, a box in upright pixels, or the largest
 * face the face detector finds (enlarged by the model's {@code face_margin}), which only the analysis can turn into
 * a box once the photo is decoded.
 */
public sealed interface RegionRequest {
    /** The whole upright photo. */
    RegionRequest WHOLE = new Whole();
    /** The largest face in the photo, with the model's margin around it. */
    RegionRequest LARGEST_FACE = new LargestFace();

    /** The whole photo. */
    record Whole() implements RegionRequest {}

    /** One box of the upright photo. */
    record Box(Region region) implements RegionRequest {
        public Box {
            Objects.requireNonNull(region, "region");
        }
    }

    /** The largest detected face. */
    record LargestFace() implements RegionRequest {}

    /** A box the user gave. */
    static RegionRequest box(Region region) {
        return new Box(region);
    }

    /**
     * Reads the command line's and the HTTP API's form: {@code face}, or {@code X,Y,W,H} in pixels of the upright
     * photo.
     *
     * @throws IllegalArgumentException with a message that shows both forms
     */
    static RegionRequest parse(String text) {
        if (text != null && text.trim().toLowerCase(Locale.ROOT).equals("face")) {
            return LARGEST_FACE;
        }
        try {
            return box(Region.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; or give \"face\" to analyse the largest face", e);
        }
    }
}
