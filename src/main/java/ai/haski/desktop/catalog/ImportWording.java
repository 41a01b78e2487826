package ai.haski.desktop.catalog;

import ai.haski.desktop.model.ManifestProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Words {@link ImportProblem}s as sentences. The sentences name the settings a user changes to fix a problem; this
 * base class names them as the command line does ({@code --size}, {@code --labels FILE}), and a face that offers
 * them differently (the Add model dialog) overrides the naming methods and {@link #sentence}.
 */
public class ImportWording {
    /** The command line's words ({@code models import}, {@code models add}). */
    public static final ImportWording COMMAND_LINE = new ImportWording();

    protected ImportWording() {}

    /** How the problem reads, e.g. {@code ... has a dynamic height or width; settle it with --size WxH ...}. */
    public final String describe(ImportProblem p) {
        return sentence(text(p));
    }

    // ---- what a face may word for itself -------------------------------------------------------------------

    /** The finished sentence; the command line keeps the importer's lower-case start. */
    protected String sentence(String text) {
        return text;
    }

    /** The labels file named in a problem. */
    protected String labelsFile(Path file) {
        return String.valueOf(file);
    }

    /** How to give the heads when the model's output has no default layout. */
    protected String giveLabels() {
        return "give --labels FILE";
    }

    /** How to settle a dynamic input size; {@code example} is e.g. {@code 224x224}. */
    protected String giveSize(String example) {
        return "settle it with --size WxH (e.g. --size " + example;
    }

    /** How to choose the sample image. */
    protected String giveSample() {
        return "give one with --sample IMAGE";
    }

    /** How to replace an existing package. */
    protected String replaceExisting() {
        return "force (--force) to replace it";
    }

    /** The input size setting. */
    protected String size() {
        return "--size";
    }

    /** The input layout setting. */
    protected String layout() {
        return "--layout";
    }

    protected String mean() {
        return "--mean";
    }

    protected String std() {
        return "--std";
    }

    /** The agreement tolerance between two formats. */
    protected String agreement() {
        return "--agreement";
    }

    // ---- the sentences --------------------------------------------------------------------------------------

    private String text(ImportProblem p) {
        switch (p.code()) {
            case FILE_COUNT:
                return "name one weights file (.onnx or .tflite), or two: an ONNX and a TFLite file of the same "
                        + "network; found " + p.argument(0);
            case NOT_WEIGHTS_FILE:
                return p.argument(0) + " is not a .onnx or .tflite file";
            case TWO_OF_ONE_FORMAT:
                return "two " + p.argument(0) + " files (" + p.argument(1) + ", " + p.argument(2) + "); two files "
                        + "must be one ONNX and one TFLite export of the same network";
            case FILE_MISSING:
                return p.argument(0) + " does not exist or is not a file";
            case INVALID_ID:
                return "must be lower-case letters, digits, '.', '_' or '-' (at most 64), starting with a letter "
                        + "or digit; found \"" + p.argument(0) + "\"";
            case ID_TAKEN:
                return "\"" + p.argument(0) + "\" is already the id of the " + p.argument(1) + " model in "
                        + p.argument(2) + "; choose another id";
            case PACKAGE_EXISTS:
                return "a package \"" + p.argument(0) + "\" already exists at " + p.argument(1)
                        + "; choose another id, or " + replaceExisting();
            case RUNTIME_UNAVAILABLE:
                return p.argument(0) + ": " + p.argument(1) + " is not available on this machine: " + p.argument(2);
            case WEIGHTS_TOO_LARGE:
                long bytes = p.argument(1);
                long largest = p.argument(2);
                return String.format(Locale.ROOT, "%s is %.0f MB; Haski Desktop imports model files of up to %d MB, "
                        + "because the runtime holds the whole model in memory beside the photos being analysed. "
                        + "Make the network smaller: quantise it to int8 (about a quarter of the size) or use a "
                        + "smaller architecture (a MobileNetV3-small classifier is 6 MB).", p.argument(0),
                        bytes / 1e6, largest / 1_000_000);
            case WEIGHTS_UNREADABLE:
                return p.argument(0) + " cannot be read: " + p.argument(1);
            case WEIGHTS_UNLOADABLE:
                return p.argument(0) + ": " + p.argument(1) + " cannot load it: " + p.argument(2);
            case DOES_NOT_RUN:
                return p.argument(0) + " does not run on the sample image: " + p.argument(1);
            case INPUT_COUNT:
                return p.argument(0) + " has " + p.argument(1) + " inputs " + p.argument(2)
                        + "; Haski models take exactly one image input";
            case INPUT_NOT_IMAGE:
                return p.argument(0) + ": the input " + p.argument(1) + " is not an image tensor of rank 4 "
                        + "([1,3,H,W] or [1,H,W,3])";
            case INPUT_FIXED_BATCH:
                return p.argument(0) + ": the input " + p.argument(1) + " has a fixed batch of " + p.argument(2)
                        + "; export it with a batch of 1 (or a dynamic batch)";
            case INPUT_SIZES_DIFFER:
                return "the two files take different input sizes (" + p.argument(0) + "x" + p.argument(1) + " and "
                        + p.argument(2) + "x" + p.argument(3) + "); they are not the same network";
            case NORMALISATION_HALF:
                return "give both " + mean() + " and " + std() + ", or neither (ImageNet's)";
            case NORMALISATION_COUNT:
                return "mean and std need 3 values each (one per channel)";
            case STD_NOT_POSITIVE:
                return "must be positive, found " + p.argument(0);
            case LAYOUT_CHANNELS:
                return p.argument(0) + ": layout " + p.argument(1) + " puts the channels on an axis of size "
                        + p.argument(2) + " in the input " + p.argument(3) + "; a colour image needs 3";
            case LAYOUT_AMBIGUOUS:
                boolean both = p.argument(2);
                return p.argument(0) + ": the input " + p.argument(1) + (both
                        ? " could be NCHW or NHWC (both axes are 3)"
                        : " has no axis of 3 channels where NCHW or NHWC would put it")
                        + "; say which with " + layout() + " NCHW or " + layout() + " NHWC";
            case SIZE_OUT_OF_RANGE:
                return size() + " must be WxH with sides from 1 to 4096, found " + p.argument(0) + "x"
                        + p.argument(1);
            case TFLITE_DYNAMIC_SIZE:
                return p.argument(0) + ": the input " + p.argument(1) + " has a dynamic height or width; the TFLite "
                        + "backend runs fixed input sizes only: convert the model with a fixed size";
            case SIZE_NEEDED:
                return p.argument(0) + ": the input " + p.argument(1) + " has a dynamic height or width, so its size "
                        + "cannot be read from the file; " + giveSize("224x224") + ", the size the network was "
                        + "trained at)";
            case SIZE_CONTRADICTS_INPUT:
                return p.argument(0) + ": " + size() + " " + p.argument(1) + "x" + p.argument(2)
                        + " contradicts the fixed side of the input " + p.argument(3);
            case SIZE_DIFFERS_FROM_INPUT:
                return p.argument(0) + ": " + size() + " " + p.argument(1) + "x" + p.argument(2)
                        + " differs from the input " + p.argument(3) + ", which is fixed at " + p.argument(4) + "x"
                        + p.argument(5);
            case ONNX_NOT_FLOAT:
                boolean eightBit = p.argument(3);
                return tensor(p) + " is not float32; the ONNX Runtime backend takes only float32 inputs and outputs"
                        + (eightBit ? " (for an int8 model, use its TFLite export)" : "");
            case TFLITE_TYPE_UNUSABLE:
                return tensor(p) + " is neither float32 nor int8/uint8; the TFLite backend cannot use it";
            case NOT_QUANTISED:
                return tensor(p) + " has no quantisation parameters (scale, zero point), so its values cannot be "
                        + "converted to or from float32; export it with full-integer quantisation parameters, or "
                        + "as float32";
            case NO_OUTPUT:
                return p.argument(0) + " has no output";
            case OUTPUT_GAVE_NOTHING:
                return p.argument(0) + ": the output " + p.argument(1) + " gave no values";
            case OUTPUT_DYNAMIC_AXES:
                return p.argument(0) + ": the output " + p.argument(1) + " has more than one dynamic axis besides "
                        + "the batch; export it with a fixed shape";
            case OUTPUT_VALUE_COUNT:
                return p.argument(0) + ": the output " + p.argument(1) + " gave " + p.argument(2)
                        + " values for one image";
            case OUTPUT_COUNTS_DIFFER:
                return p.argument(0) + " has " + p.argument(1) + " outputs " + p.argument(2) + " but "
                        + p.argument(3) + " has " + p.argument(4) + "; they are not the same network";
            case OUTPUT_VALUES_DIFFER:
                Object count = p.argument(2);
                return p.argument(0) + ": output " + p.argument(1) + " has " + (count == null ? "no" : count)
                        + " values but " + p.argument(3) + " gives " + p.argument(4) + "; they are not the same "
                        + "network";
            case NO_SAMPLE:
                return "no sample image: " + giveSample() + " (the bundled models/haski-reference/test-input.png "
                        + "was not found)";
            case SAMPLE_UNDECODABLE:
                return p.argument(0) + " cannot be used as the sample image: " + p.argument(1);
            case SAMPLE_UNWRITABLE:
                return "cannot make the test image from " + p.argument(0) + ": " + p.argument(1);
            case LABELS_NEEDED:
                List<String> names = p.argument(0);
                return "the model's output" + (names.size() == 1 ? " " + names.get(0) + " has " : "s " + names
                        + " have ") + p.argument(1) + " values; without a labels file only a 14-value output gets "
                        + "the Haski layout (skin_type 5, hair_type 4, condition 5): " + giveLabels()
                        + " (see models/README.md)";
            case HEAD_OUTPUT_UNKNOWN:
                return labels(p) + ": head " + p.argument(1) + " names output \"" + p.argument(2) + "\", but the "
                        + "model's outputs are " + p.argument(3);
            case HEAD_NONE_LABEL_UNKNOWN:
                return labels(p) + ": head " + p.argument(1) + ": none_label \"" + p.argument(2) + "\" is not one "
                        + "of its labels " + p.argument(3);
            case HEAD_MULTI_LABEL_SOFTMAX:
                return labels(p) + ": head " + p.argument(1) + " is multi_label with softmax, which makes classes "
                        + "exclusive; use \"activation\": \"sigmoid\"";
            case LABEL_COUNT:
                List<String> on = p.argument(3);
                return labels(p) + " gives " + p.argument(1) + " labels for output " + p.argument(2)
                        + (on.isEmpty() ? "" : " (" + String.join(" + ", on) + ")") + " but the model's output "
                        + p.argument(2) + " " + p.argument(4) + " has " + p.argument(5)
                        + " values; they must match one for one, in output order";
            case LABELS_UNREADABLE:
                return labelsFile(p.argument(0)) + " cannot be read as JSON: " + p.argument(1);
            case LABELS_NOT_OBJECT:
                return labelsFile(p.argument(0)) + " must be a JSON object: {\"head\": [labels...], ...} or "
                        + "{\"heads\": [...]}";
            case LABELS_NO_HEAD:
                return labelsFile(p.argument(0)) + " names no head";
            case LABELS_HEAD_NOT_OBJECT:
                return labelsFile(p.argument(0)) + ": " + p.argument(1) + " must be an object with name and labels";
            case LABELS_NAME_MISSING:
                return labelsFile(p.argument(0)) + ": " + p.argument(1) + ".name is missing";
            case LABELS_BAD_ACTIVATION:
                return labelsFile(p.argument(0)) + ": " + p.argument(1) + ".activation must be softmax, sigmoid or "
                        + "none, found \"" + p.argument(2) + "\"";
            case LABELS_BAD_MODE:
                return labelsFile(p.argument(0)) + ": " + p.argument(1) + ".mode must be single_label or "
                        + "multi_label, found \"" + p.argument(2) + "\"";
            case LABELS_BAD_THRESHOLD:
                return labelsFile(p.argument(0)) + ": " + p.argument(1) + ".threshold must be a number between 0 "
                        + "and 1";
            case LABELS_NO_LABELS:
                return labelsFile(p.argument(0)) + ": " + p.argument(1) + " must be a non-empty list of label "
                        + "strings";
            case LABELS_BAD_LABEL:
                return labelsFile(p.argument(0)) + ": " + p.argument(1) + " must hold non-empty strings, found "
                        + p.argument(2);
            case LABELS_BAD_TEXT:
                return labelsFile(p.argument(0)) + ": " + p.argument(1) + " must be a non-empty string, found "
                        + p.argument(2);
            case FORMATS_DISAGREE:
                return String.format(Locale.ROOT, "on the sample image, head %s says %s (%.4f) in %s but %s (%.4f) "
                        + "in %s: the two files do not compute the same network (max raw difference %.3g)",
                        p.arguments().toArray());
            case AGREEMENT_NOT_POSITIVE:
                return "the agreement tolerance must be positive, found " + p.argument(0);
            case FORMATS_DIFFER:
                return String.format(Locale.ROOT, "the %s and %s files differ by up to %.3g in their raw outputs on "
                        + "the sample image (max probability difference %.3g), more than the agreement tolerance "
                        + "%.1e: they may not be exports of the same network, or one is quantised; check them, or "
                        + "allow more with %s (at most %.1f, the largest test vector tolerance)", p.argument(0),
                        p.argument(1), p.argument(2), p.argument(3), p.argument(4), agreement(), p.argument(5));
            case FORMATS_BEYOND_TEST_VECTOR:
                return String.format(Locale.ROOT, "the formats differ by %.3g on the sample image; one package's "
                        + "test vector accepts at most %.1f, so import them as two packages", p.argument(0),
                        p.argument(1));
            case MANIFEST_RULE:
                ManifestProblem rule = p.argument(1);
                // A problem of one field follows that field's name; one of the whole manifest names the file.
                return rule.field() != null ? rule.text() : p.argument(0) + ": " + rule.text();
            case TARGET_EXISTS:
                return "a package already exists at " + p.argument(0) + "; choose another id, or force to replace "
                        + "it";
            case WRITTEN_FAILS_CHECK:
                return "the written package fails its own check on " + p.argument(0) + ": " + p.argument(1);
            case WRITTEN_REFUSED:
                return "the written package is refused: " + p.argument(0);
            case NOT_A_PACKAGE:
                return p.argument(0) + " is not a usable model package: " + p.argument(1);
            case ALREADY_INSTALLED:
                return p.argument(0) + " is already in your models folder";
            case ID_IN_USE:
                return "the model id \"" + p.argument(0) + "\" is already used by " + p.argument(1) + "; change "
                        + "\"id\" in " + p.argument(2) + " or remove the other package first";
            case FOLDER_EXISTS:
                return "a folder " + p.argument(0) + " already exists; remove it or change \"id\" in "
                        + p.argument(1);
            case SELF_CHECK_FAILS:
                return p.argument(0) + " fails its self-check on " + p.argument(1) + ": " + p.argument(2);
            case COPY_REFUSED:
                return "the copy in " + p.argument(0) + " is refused: " + p.argument(1);
            case NOT_REMOVABLE:
                return "\"" + p.argument(0) + "\" in " + p.argument(1) + " is not in your models folder "
                        + p.argument(2) + ", so it is not removed here";
            default:
                throw new IllegalArgumentException("no wording for " + p.code());
        }
    }

    /** "FILE: the input TENSOR" or "FILE: the output TENSOR". */
    private static String tensor(ImportProblem p) {
        boolean input = p.argument(1);
        return p.argument(0) + ": the " + (input ? "input " : "output ") + p.argument(2);
    }

    /** The labels file a head problem is about, or the default layout when there is none. */
    private String labels(ImportProblem p) {
        Path file = p.argument(0);
        return file == null ? "the default Haski layout" : labelsFile(file);
    }
}
