package ai.haski.desktop.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One thing wrong with a model package, as values: the manifest field at fault (null when no one field is), what
 * rule it breaks, and the values the sentence needs; {@link #text()} words it for a package author.
 */
public record ManifestProblem(String field, Code code, List<Object> arguments) {

    public ManifestProblem {
        // An argument may be null (an exception without a message); the sentence then says "null", as before.
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A problem with its arguments in the order the code's sentence takes them. */
    public static ManifestProblem of(String field, Code code, Object... arguments) {
        return new ManifestProblem(field, code, Arrays.asList(arguments));
    }

    /** The problem as a sentence that follows the field's name, e.g. {@code is missing}. */
    public String text() {
        return String.format(Locale.ROOT, code.sentence, arguments.toArray());
    }

    /** The rule broken, with the English sentence for it. */
    public enum Code {
        UNREADABLE("cannot be read: %s"),
        INVALID_JSON("is not valid JSON: %s%s"),
        MANIFEST_TOO_LARGE("is %s bytes; a model.json is at most %s bytes, so this is not one: remove the package "
                + "or replace the file"),
        NOT_AN_OBJECT_ROOT("must be a JSON object"),
        UNSUPPORTED_FORMAT_VERSION("is %s but this version of Haski Desktop reads %s; update the application or "
                + "re-export the package"),
        INVALID_ID("must be lower-case letters, digits, '.', '_' or '-' (at most %s), found \"%s\""),
        WRONG_CHANNELS("must be 3 (RGB or BGR), found %s"),
        NOT_FLOAT32("must be \"float32\", found \"%s\""),
        NOT_POSITIVE("must be positive, found %s"),
        NO_OUTPUTS("must list at least one output tensor"),
        REPEATED_OUTPUT("repeats the output name \"%s\""),
        SHAPE_NOT_POSITIVE("must hold positive integers, found %s"),
        SHAPE_TOO_LARGE("holds more than %s values, found %s"),
        NO_HEADS("must list at least one head"),
        REPEATED_HEAD("repeats the head name \"%s\""),
        UNKNOWN_OUTPUT("names \"%s\", which is not one of the outputs %s"),
        SLICE_OUTSIDE_OUTPUT("slice [%s, %s) does not fit output \"%s\" of %s values"),
        LABEL_COUNT("has %s labels but the head's length is %s"),
        REPEATED_LABEL("repeats a label: %s"),
        UNKNOWN_NONE_LABEL("\"%s\" is not one of the labels %s"),
        THRESHOLD_OUT_OF_RANGE("must be between 0 and 1, found %s"),
        MULTI_LABEL_SOFTMAX("softmax makes classes exclusive; a multi_label head needs sigmoid"),
        NO_WEIGHTS("must name at least one weights file, e.g. {\"onnx\": {\"file\": ..., \"sha256\": ...}}"),
        UNKNOWN_FORMAT("is not a known format; use \"onnx\" or \"tflite\""),
        INVALID_SHA256("must be 64 hexadecimal digits, found \"%s\""),
        UNKNOWN_PREFERRED_FORMAT("\"%s\" is not a known format; use \"onnx\" or \"tflite\""),
        PREFERRED_WITHOUT_WEIGHTS("lists \"%s\" but weights has no such file"),
        EXPECTED_MISSING("is missing: the test vector needs the expected values of every output"),
        TOLERANCE_OUT_OF_RANGE("must be above 0 and at most %s, found %s"),
        INVALID_FILE_NAME("is not a valid file name (%s)"),
        OUTSIDE_PACKAGE("must be a file inside the package folder, found \"%s\""),
        MISSING("is missing"),
        NOT_AN_OBJECT("must be a JSON object, found %s"),
        NOT_AN_ARRAY("must be a JSON array, found %s"),
        NOT_TEXT("must be a non-empty string, found %s"),
        NOT_TEXTS("must hold non-empty strings, found %s"),
        NOT_BOOLEAN("must be true or false, found %s"),
        NOT_INTEGER("must be an integer, found %s"),
        NOT_NUMBER("must be a number, found %s"),
        WRONG_COUNT("must hold %s numbers, found %s"),
        NOT_FINITE("must hold finite numbers, found %s at index %s"),
        NOT_ONE_OF("must be one of %s, found \"%s\""),
        OUT_OF_RANGE("must be between %s and %s, found %s"),
        DETECTOR_WITH_HEADS("must be left out of a face_detection package: its outputs are read by its detector section"),
        ANCHOR_COUNT("needs %s anchors' rows but output \"%s\" (%s values a row) holds %s values: the anchors and the "
                + "output disagree"),
        /** A check on the files beside the manifest (a checksum, a missing file), worded where it is made. */
        PACKAGE_FILE("%s");

        private final String sentence;

        Code(String sentence) {
            this.sentence = sentence;
        }
    }
}
