package ai.haski.desktop.analysis;

import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.inference.FaceDetector;
import ai.haski.desktop.inference.InferenceException;
import ai.haski.desktop.model.FaceBox;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzer's face stage, on the pictures already decoded for the classifier: the installed face detector's
 * boxes in upright-image pixels of the whole photo, the skin tone of the analysed region (inside the largest face in
 * it when there is one, else over the region's whole picture), and the warnings they call for: "no face found" when
 * the classifier expects a face, or why faces were not looked for. Owns the detector.
 */
final class FaceFinder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceFinder.class);

    private final Optional<FaceDetector> detector;
    private final Optional<String> detectorProblem;
    private final boolean expectsFace;
    /** False for {@link #off()}: no detector, no skin tone, no warnings. */
    private final boolean runs;

    /** What the stage found for one photo. */
    record Findings(Optional<Faces> faces, Optional<SkinTone> skinTone, List<String> warnings) {}

    /** The largest face as the region to analyse, with the faces found; or the failure saying why there is none. */
    record Choice(Optional<Region> region, Optional<Faces> faces, Optional<AnalysisFailure> failure) {}

    FaceFinder(Optional<FaceDetector> detector, Optional<String> detectorProblem, boolean expectsFace) {
        this(detector, detectorProblem, expectsFace, true);
    }

    private FaceFinder(Optional<FaceDetector> detector, Optional<String> detectorProblem, boolean expectsFace,
            boolean runs) {
        this.detector = detector;
        this.detectorProblem = detectorProblem;
        this.expectsFace = expectsFace;
        this.runs = runs;
    }

    /**
     * No face stage at all, for an analyzer of the model's own path ({@link ModelRequest#modelOnly()}): results
     * carry no faces and no skin tone, and the largest face cannot be chosen (NO_FACE_DETECTOR).
     */
    static FaceFinder off() {
        return new FaceFinder(Optional.empty(), Optional.of("the face stage is off (bench --model-only)"), false,
                false);
    }

    /** The detector in use, e.g. for a listing; empty when none is installed or it could not be loaded. */
    Optional<FaceDetector> detector() {
        return detector;
    }

    /**
     * Looks for faces in {@code whole} (the decode of the whole photo) and estimates the skin tone of the analysed
     * region: inside the largest face whose centre lies in {@code region} (the face's box cut to the region), else
     * over {@code picture}, the region's picture the model sees.
     */
    Findings find(Path file, DecodedImage whole, Region region, BufferedImage picture) {
        List<String> warnings = new ArrayList<>();
        if (!runs) {
            return new Findings(Optional.empty(), Optional.empty(), warnings);
        }
        Optional<Faces> faces = detect(file, whole, warnings);
        return findings(faces, region, picture, warnings);
    }

    /** As {@link #find(Path, DecodedImage, Region, BufferedImage)}, with the faces already found in the photo. */
    Findings find(Faces known, Region region, BufferedImage picture) {
        return findings(Optional.of(known), region, picture, new ArrayList<>());
    }

    /**
     * The region to analyse for "the face": the largest face in {@code whole}, grown by {@code margin} of its size
     * on each side and cut to the photo (source "face"). Fails with NO_FACE_DETECTOR when faces cannot be looked
     * for, and NO_FACE_FOUND when there is none.
     */
    Choice largestFace(Path file, DecodedImage whole, double margin) {
        List<String> problems = new ArrayList<>();
        Optional<Faces> faces = detect(file, whole, problems);
        String alternatives = "analyse the whole photo, or give the face's box (--region X,Y,W,H, or draw it in the "
                + "window)";
        if (faces.isEmpty()) {
            return new Choice(Optional.empty(), Optional.empty(), Optional.of(new AnalysisFailure(file,
                    "NO_FACE_DETECTOR", file.getFileName() + ": the face cannot be found: "
                    + (problems.isEmpty() ? "no face detector is installed (`models list` says how to add one)" : String.join("; ", problems))
                    + "; " + alternatives)));
        }
        Optional<FaceRegion> face = faces.get().largestRegion(margin, whole.originalWidth(), whole.originalHeight());
        if (face.isEmpty()) {
            return new Choice(Optional.empty(), faces, Optional.of(new AnalysisFailure(file, "NO_FACE_FOUND",
                    file.getFileName() + ": no face found, so there is no face to analyse; check that the photo "
                    + "shows the face, facing the camera and in focus, or " + alternatives)));
        }
        FaceRegion box = face.get();
        return new Choice(Optional.of(new Region(box.x(), box.y(), box.width(), box.height(), Region.Source.FACE)),
                faces, Optional.empty());
    }

    /** The detector's boxes in {@code whole}; empty, with the reason in {@code warnings}, when it cannot look. */
    private Optional<Faces> detect(Path file, DecodedImage whole, List<String> warnings) {
        BufferedImage wholePicture = whole.image();
        double scaleX = whole.originalWidth() / (double) wholePicture.getWidth();
        double scaleY = whole.originalHeight() / (double) wholePicture.getHeight();
        detectorProblem.ifPresent(problem -> warnings.add("faces were not looked for: " + problem));
        if (detector.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Faces(detector.get().detect(wholePicture, scaleX, scaleY)));
        } catch (InferenceException e) {
            LOG.warn("Face detection failed: file={} detector={}: {}", file.getFileName(),
                    detector.get().describe(), e.getMessage());
            warnings.add("faces were not looked for: the face detector could not run (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private Findings findings(Optional<Faces> faces, Region region, BufferedImage picture, List<String> warnings) {
        if (expectsFace && faces.isPresent() && faces.get().isEmpty()) {
            warnings.add("no face found: this model expects a photo of a face, and the face detector found none; "
                    + "check that the photo shows the face, facing the camera and in focus, or mark the face with a "
                    + "region. The result is for whatever the photo shows");
        }
        Optional<SkinTone> skinTone = faces.flatMap(found -> largestIn(found, region))
                .map(face -> inRegionPicture(picture, region, face))
                .orElseGet(() -> SkinToneEstimator.estimate(picture));
        return new Findings(faces, skinTone, warnings);
    }

    /** The largest face whose box's centre lies in the region. */
    static Optional<FaceBox> largestIn(Faces faces, Region region) {
        return faces.boxes().stream()
                .filter(face -> {
                    double cx = face.x() + face.width() / 2;
                    double cy = face.y() + face.height() / 2;
                    return cx >= region.x() && cx < region.right() && cy >= region.y() && cy < region.bottom();
                })
                .max(Comparator.comparingDouble(FaceBox::area));
    }

    /**
     * The skin tone inside {@code face} (upright pixels of the photo) cut to {@code region}, read in the region's
     * picture, which holds the region at its own scale.
     */
    private static Optional<SkinTone> inRegionPicture(BufferedImage picture, Region region, FaceBox face) {
        double scaleX = region.width() / (double) picture.getWidth();
        double scaleY = region.height() / (double) picture.getHeight();
        double left = Math.max(face.x(), region.x()) - region.x();
        double top = Math.max(face.y(), region.y()) - region.y();
        double right = Math.min(face.x() + face.width(), region.right()) - region.x();
        double bottom = Math.min(face.y() + face.height(), region.bottom()) - region.y();
        int x = (int) Math.floor(left / scaleX);
        int y = (int) Math.floor(top / scaleY);
        int width = (int) Math.ceil(right / scaleX) - x;
        int height = (int) Math.ceil(bottom / scaleY) - y;
        return SkinToneEstimator.estimate(picture, x, y, width, height);
    }

    @Override
    public void close() {
        detector.ifPresent(FaceDetector::close);
    }
}
