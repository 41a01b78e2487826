package ai.haski.desktop.image;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Collects the warnings an ImageIO reader emits and tells apart the ones that mean pixels are missing.
 *
 * <p>The rule: a warning that speaks of truncation, a premature end or corrupt data means the decoder filled part of
 * the picture with invented grey rows (or, for GIF, garbage), so the file is reported as
 * {@link ImageErrorCode#CORRUPT_IMAGE} rather than analysed. The JPEG decoder's "extraneous bytes before marker" is the exception: libjpeg skips junk between segments
 * and loses no pixels. A JPEG whose data is complete but whose final EOI marker is missing is refused too, because
 * the decoder reports it with the same words as a cut-off file and a progressive JPEG cut between scans decodes to a
 * blurred but plausible picture; a classifier must not be fed either. Every other warning (an ignored colour profile,
 * an approximate CMYK conversion) is kept and passed on to the user.
 */
final class DecoderWarnings implements IIOReadWarningListener {
    // "Out-of-sequence code" is the GIF reader's word for LZW data that refers to codes it never defined.
    private static final List<String> DATA_LOSS_WORDS = List.of("truncat", "premature", "corrupt", "out-of-sequence");
    private static final String HARMLESS_JUNK = "extraneous bytes";

    // The JPEG decoder repeats its warning for every scan; one copy each is enough.
    private final Set<String> messages = new LinkedHashSet<>();

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        if (warning != null && !warning.isBlank()) {
            messages.add(warning.strip());
        }
    }

    /** The first warning that means pixels are missing, if any. */
    String firstDataLoss() {
        return messages.stream().filter(DecoderWarnings::meansDataLoss).findFirst().orElse(null);
    }

    /** The warnings worth showing with a successfully decoded image. */
    List<String> harmless() {
        List<String> kept = new ArrayList<>();
        for (String message : messages) {
            if (!meansDataLoss(message)) {
                kept.add("decoder: " + message);
            }
        }
        return kept;
    }

    static boolean meansDataLoss(String warning) {
        String lower = warning.toLowerCase(Locale.ROOT);
        return !lower.contains(HARMLESS_JUNK) && DATA_LOSS_WORDS.stream().anyMatch(lower::contains);
    }
}
