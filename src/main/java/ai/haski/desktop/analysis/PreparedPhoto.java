package ai.haski.desktop.analysis;

import ai.haski.desktop.image.DecodedImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One photo after the part of its analysis that reads the file ({@link Analyzer#prepare}): decoded, with the region
 * the model will see cut from it (for the largest face, the face already chosen), or the failure that stopped it
 * there. {@link Analyzer#finish} takes it the rest of the way, on the same thread or another, so that one photo can
 * be decoded while the previous one is in the model. It holds the decoded pixels, so it is not kept once finished.
 *
 * @param file the photo's file
 * @param refusal the failure that ended the photo before the model (unreadable, too small, region or face refused)
 * @param whole the whole photo's decode; null when refused
 * @param cutout the region and the picture cut for it; null when refused
 * @param checked the photo quality of the cut picture, checked in this step too: it needs only the picture, and
 *     on small photos the model's step is the longer one, so the two steps come out more even; null when refused
 * @param prepareNanos how long the prepare step took, counted into the analysis's decode, quality and total time
 */
record PreparedPhoto(Path file, Optional<AnalysisFailure> refusal, DecodedImage whole, Cutout cutout,
        CheckedQuality checked, long prepareNanos) {

    static PreparedPhoto ready(Path file, DecodedImage whole, Cutout cutout, CheckedQuality checked,
            long prepareNanos) {
        return new PreparedPhoto(file, Optional.empty(), whole, cutout, checked, prepareNanos);
    }

    static PreparedPhoto refused(AnalysisFailure failure) {
        return new PreparedPhoto(failure.file(), Optional.of(failure), null, null, null, 0);
    }

    /**
     * The quality check's result (empty when not measured), the warnings it calls for, and its time.
     */
    record CheckedQuality(Optional<ai.haski.desktop.analysis.quality.PhotoQuality> quality, List<String> warnings,
            long nanos) {}

    /**
     * What the model sees of a photo: the region the request names (for the largest face, found in the whole
     * photo's decode first), checked against the photo and cut from the decode, or from a finer one when the scaled
     * decode lacks the margin.
     *
     * @param faces the faces found in the whole photo when the region is the largest face; empty otherwise
     * @param faceNanos the time the face choice took, counted with the face stage rather than the decode
     */
    record Cutout(Region region, DecodedImage decoded, BufferedImage picture, Optional<Faces> faces,
            long faceNanos) {}
}
