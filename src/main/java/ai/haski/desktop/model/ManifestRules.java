package ai.haski.desktop.model;

import java.util.regex.Pattern;

/**
 * The rules a {@code model.json} follows, in one place: the parser checks them, and whoever writes a manifest (the
 * importer, the reference-model generator) proposes values within them.
 */
public final class ManifestRules {
    /** The manifest format version this build reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** The longest package id. */
    public static final int MAX_ID_LENGTH = 64;
    /** Lower-case letters, digits, '.', '_' or '-', starting with a letter or digit: safe as a folder name. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_ID_LENGTH - 1) + "}");
    /** The largest test-vector tolerance a manifest may give: beyond it the test vector proves little. */
    public static final double MAX_TOLERANCE = 0.1;
    /** The largest {@code face_margin}: a face region more than three face widths across is no longer the face. */
    public static final double MAX_FACE_MARGIN = 1.0;
    /** A multi-label head's threshold when the manifest gives none. */
    public static final float DEFAULT_THRESHOLD = 0.5f;
    /** Input and outputs are float32 as the backend sees them; a quantised file converts at its edges. */
    public static final String TENSOR_DTYPE = "float32";
    /** Colour images: three channels. */
    public static final int CHANNELS = 3;
    /** A weights file's SHA-256, as lower-case hexadecimal. */
    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ManifestRules() {}

    /** Whether {@code id} may name a package. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Whether {@code tolerance} may be a test vector's tolerance. */
    public static boolean isValidTolerance(double tolerance) {
        return tolerance > 0 && tolerance <= MAX_TOLERANCE;
    }
}
