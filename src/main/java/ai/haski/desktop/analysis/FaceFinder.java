package ai.haski.desktop.analysis;

import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.inference.FaceDetector;
import ai.haski.desktop.inference.InferenceException;
import ai.haski.desktop.model.FaceBox;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzer's face stage, on the picture already decoded for the classifier: the installed face detector's
 * boxes in upright-image pixels, the skin tone (inside the largest face when there is one, else over the whole
 * picture), and the warnings they call for: "no face found" when the classifier expects a face, or why faces were
 * not looked for. Owns the detector.
 */
final class FaceFinder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceFinder.class);

    private final Optional<FaceDetector> detector;
    private final Optional<String> detectorProblem;
    private final boolean expectsFace;

    /** What the stage found for one photo. */
    record Findings(Optional<Faces> faces, Optional<SkinTone> skinTone, List<String> warnings) {}

    FaceFinder(Optional<FaceDetector> detector, Optional<String> detectorProblem, boolean expectsFace) {
        this.detector = detector;
        this.detectorProblem = detectorProblem;
        this.expectsFace = expectsFace;
    }

    /** The detector in use, e.g. for a listing; empty when none is installed or it could not be loaded. */
    Optional<FaceDetector> detector() {
        return detector;
    }

    Findings find(Path file, DecodedImage decoded) {
        BufferedImage picture = decoded.image();
        double scaleX = decoded.originalWidth() / (double) picture.getWidth();
        double scaleY = decoded.originalHeight() / (double) picture.getHeight();
        List<String> warnings = new ArrayList<>();
        detectorProblem.ifPresent(problem -> warnings.add("faces were not looked for: " + problem));
        Optional<Faces> faces = Optional.empty();
        if (detector.isPresent()) {
            try {
                faces = Optional.of(new Faces(detector.get().detect(picture, scaleX, scaleY)));
            } catch (InferenceException e) {
                LOG.warn("Face detection failed: file={} detector={}: {}", file.getFileName(),
                        detector.get().describe(), e.getMessage());
                warnings.add("faces were not looked for: the face detector could not run (" + e.getMessage() + ")");
            }
        }
        if (expectsFace && faces.isPresent() && faces.get().isEmpty()) {
            warnings.add("no face found: this model expects a photo of a face, and the face detector found none; "
                    + "check that the photo shows the face, facing the camera and in focus, or mark the face with a "
                    + "region. The result is for whatever the photo shows");
        }
        Optional<SkinTone> skinTone = faces.flatMap(Faces::largest)
                .map(face -> inPicture(picture, face, scaleX, scaleY))
                .orElseGet(() -> SkinToneEstimator.estimate(picture));
        return new Findings(faces, skinTone, warnings);
    }

    private static Optional<SkinTone> inPicture(BufferedImage picture, FaceBox face, double scaleX, double scaleY) {
        int x = (int) Math.floor(face.x() / scaleX);
        int y = (int) Math.floor(face.y() / scaleY);
        int width = (int) Math.ceil(face.width() / scaleX);
        int height = (int) Math.ceil(face.height() / scaleY);
        return SkinToneEstimator.estimate(picture, x, y, width, height);
    }

    @Override
    public void close() {
        detector.ifPresent(FaceDetector::close);
    }
}
