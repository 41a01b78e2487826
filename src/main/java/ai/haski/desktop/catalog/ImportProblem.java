package ai.haski.desktop.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Why an import or install cannot go ahead as asked, as values: the field at fault, what went wrong, and the values
 * a sentence about it needs. Fields are manifest fields ({@code id}, {@code input.layout}, {@code input.width},
 * {@code heads}, {@code outputs[0].dtype}, {@code weights.onnx}, ...) or request settings ({@code files},
 * {@code labels}, {@code sample}, {@code agreement}), so a dialog can show each beside its control. Each face words
 * a problem for itself through an {@link ImportWording}.
 */
public record ImportProblem(String field, Code code, List<Object> arguments) {

    public ImportProblem {
        // An argument may be null (an exception without a message); the sentence then says "null", as before.
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A problem with its arguments in the order {@link ImportWording} reads them for the code. */
    public static ImportProblem of(String field, Code code, Object... arguments) {
        return new ImportProblem(field, code, Arrays.asList(arguments));
    }

    /** The argument at {@code index}, as the type the code puts there. */
    @SuppressWarnings("unchecked")
    <T> T argument(int index) {
        return (T) arguments.get(index);
    }

    /** The problem in the command line's words, as {@code field 'id': ...}; for logs and messages. */
    @Override
    public String toString() {
        return "field '" + field + "': " + ImportWording.COMMAND_LINE.describe(this);
    }

    /** What went wrong; the comment names the arguments, in order. */
    public enum Code {
        // files
        /** count */ FILE_COUNT,
        /** file */ NOT_WEIGHTS_FILE,
        /** format id, first file, second file */ TWO_OF_ONE_FORMAT,
        /** file */ FILE_MISSING,
        // id
        /** id */ INVALID_ID,
        /** id, the other package's source, its folder */ ID_TAKEN,
        /** id, target folder */ PACKAGE_EXISTS,
        // weights
        /** file, runtime, reason */ RUNTIME_UNAVAILABLE,
        /** file, size in bytes, largest size in bytes */ WEIGHTS_TOO_LARGE,
        /** file, reason */ WEIGHTS_UNREADABLE,
        /** file, runtime, reason */ WEIGHTS_UNLOADABLE,
        /** file, reason */ DOES_NOT_RUN,
        // input
        /** file, count, inputs */ INPUT_COUNT,
        /** file, input */ INPUT_NOT_IMAGE,
        /** file, input, batch */ INPUT_FIXED_BATCH,
        /** width, height, other width, other height */ INPUT_SIZES_DIFFER,
        NORMALISATION_HALF,
        NORMALISATION_COUNT,
        /** std values */ STD_NOT_POSITIVE,
        /** file, layout, channels, input */ LAYOUT_CHANNELS,
        /** file, input, whether both axes are 3 */ LAYOUT_AMBIGUOUS,
        /** asked width, asked height */ SIZE_OUT_OF_RANGE,
        /** file, input */ TFLITE_DYNAMIC_SIZE,
        /** file, input */ SIZE_NEEDED,
        /** file, asked width, asked height, input */ SIZE_CONTRADICTS_INPUT,
        /** file, asked width, asked height, input, width, height */ SIZE_DIFFERS_FROM_INPUT,
        // tensor types
        /** file, whether the input, tensor, whether 8-bit */ ONNX_NOT_FLOAT,
        /** file, whether the input, tensor */ TFLITE_TYPE_UNUSABLE,
        /** file, whether the input, tensor */ NOT_QUANTISED,
        // outputs
        /** file */ NO_OUTPUT,
        /** file, output name */ OUTPUT_GAVE_NOTHING,
        /** file, output */ OUTPUT_DYNAMIC_AXES,
        /** file, output, value count */ OUTPUT_VALUE_COUNT,
        /** file, count, outputs, first file, first file's count */ OUTPUT_COUNTS_DIFFER,
        /** file, output number (from 1), value count or null, first file, first file's count */ OUTPUT_VALUES_DIFFER,
        // sample
        NO_SAMPLE,
        /** sample, reason */ SAMPLE_UNDECODABLE,
        /** sample, reason */ SAMPLE_UNWRITABLE,
        // labels and heads
        /** output names, total value count */ LABELS_NEEDED,
        /** labels file or null for the default layout, head, output named, outputs */ HEAD_OUTPUT_UNKNOWN,
        /** labels file or null, head, none label, labels */ HEAD_NONE_LABEL_UNKNOWN,
        /** labels file or null, head */ HEAD_MULTI_LABEL_SOFTMAX,
        /** labels file or null, label count, output, heads on it ("name length"), output shape, value count */
        LABEL_COUNT,
        /** labels file, reason */ LABELS_UNREADABLE,
        /** labels file */ LABELS_NOT_OBJECT,
        /** labels file */ LABELS_NO_HEAD,
        /** labels file, where */ LABELS_HEAD_NOT_OBJECT,
        /** labels file, where */ LABELS_NAME_MISSING,
        /** labels file, where, value */ LABELS_BAD_ACTIVATION,
        /** labels file, where, value */ LABELS_BAD_MODE,
        /** labels file, where */ LABELS_BAD_THRESHOLD,
        /** labels file, where */ LABELS_NO_LABELS,
        /** labels file, where, item */ LABELS_BAD_LABEL,
        /** labels file, where, value */ LABELS_BAD_TEXT,
        // two formats
        /** head, label, probability, format, other label, other probability, other format, raw difference */
        FORMATS_DISAGREE,
        /** tolerance */ AGREEMENT_NOT_POSITIVE,
        /** format, other format, raw difference, probability difference, tolerance, largest tolerance */
        FORMATS_DIFFER,
        /** raw difference, largest tolerance */ FORMATS_BEYOND_TEST_VECTOR,
        // the manifest and the written package
        /** manifest file, the parser's problem */ MANIFEST_RULE,
        /** target folder */ TARGET_EXISTS,
        /** format id, reason */ WRITTEN_FAILS_CHECK,
        /** reason */ WRITTEN_REFUSED,
        // installing and removing package folders
        /** folder, reason */ NOT_A_PACKAGE,
        /** folder */ ALREADY_INSTALLED,
        /** id, the other package's folder, manifest file */ ID_IN_USE,
        /** target folder, manifest file */ FOLDER_EXISTS,
        /** folder, format id, reason */ SELF_CHECK_FAILS,
        /** folder, reason */ COPY_REFUSED,
        /** id, folder, models folder */ NOT_REMOVABLE
    }
}
