package ai.haski.desktop.platform;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the native heap of a long run bounded: tells glibc's malloc, before the decoders and runtimes start, to
 * serve large blocks with their own mappings, which go back to the system when freed.
 *
 * <p>Why: every photo makes TurboJPEG, libheif, LittleCMS and ONNX Runtime allocate and free blocks of a few hundred
 * KB to tens of MB (the file, the coefficient buffer of a progressive JPEG, decoded planes). glibc's default raises
 * its mmap threshold each time such a block is freed (up to 32 MB), after which those blocks come from the
 * per-thread arenas, whose freed space stays resident: over 2,100 photos the arenas grew to about 200 MB
 * (docs/BENCHMARKS.md, Memory). Fixing the threshold keeps them near 50 MB, at the cost of fresh pages for each
 * large block.
 *
 * <p>Linux with glibc only; elsewhere, or with {@code -D}{@value #SWITCH_PROPERTY}{@code =off} (for measuring), it
 * does nothing. Call it first thing in {@code main}, before the decoders and runtimes allocate.
 */
public final class NativeHeapTuning {
    /** {@code -Dhaski.malloc.tuning=off} leaves glibc's malloc at its defaults. */
    public static final String SWITCH_PROPERTY = "haski.malloc.tuning";
    /** Blocks from this size up get their own mapping: glibc's own starting value, which it then no longer raises. */
    static final int MMAP_THRESHOLD_BYTES = 128 * 1024;
    // mallopt(3) parameters, from glibc's malloc.h.
    private static final int M_MMAP_THRESHOLD = -3;
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapTuning.class);

    private NativeHeapTuning() {}

    /** Applies the settings; what was done, or why nothing was, in words (also logged at DEBUG or INFO). */
    public static String apply() {
        String wanted = System.getProperty(SWITCH_PROPERTY, "on").trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("off") || wanted.equals("false")) {
            return skipped("switched off by -D" + SWITCH_PROPERTY + "=" + wanted);
        }
        if (!Platform.isLinux()) {
            return skipped("not Linux");
        }
        Optional<String> whyNotJna = JnaNativeDispatch.whyNotLoad(SWITCH_PROPERTY);
        if (whyNotJna.isPresent()) {
            return skipped(whyNotJna.get());
        }
        try {
            // gnu_get_libc_version exists only in glibc; musl, for one, has a mallopt that does nothing.
            NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            libc.getFunction("gnu_get_libc_version");
            Function mallopt = libc.getFunction("mallopt");
            // Setting the threshold also switches off glibc's raising of it.
            if (mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES}) != 1) {
                return skipped("mallopt refused the mmap threshold");
            }
            String done = "glibc malloc: blocks from " + MMAP_THRESHOLD_BYTES / 1024 + " KB mapped on their own";
            LOG.debug(done);
            return done;
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError: not glibc, or JNA could not start.
            return skipped("no glibc mallopt here: " + e.getMessage());
        }
    }

    private static String skipped(String why) {
        String message = "glibc malloc left at its defaults (" + why + ")";
        LOG.info(message);
        return message;
    }
}
