package ai.haski.desktop.inference;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The networks this project did not make, fetched by {@code tools/fetch-third-party-models.sh} (as {@code .ci/run}
 * does) into {@code -Dhaski.thirdparty}, else {@code ~/.cache/haski-third-party-models}. A missing file fails the test
 * with the command that fetches it.
 */
public final class ThirdPartyModels {
    public static final String PADDLE_CLASSIFIER = "ocr-models-1.4.2/package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public static final String BLAZEFACE_TFLITE =
            "mediapipe-face_detection-0.4.1657300184/package/face_detection_short_range.tflite";
    public static final String BLAZEFACE_ONNX =
            "blazeface-barracuda-1.2.0/package/ONNX/face_detection_front_128x128_barracuda.onnx";

    private ThirdPartyModels() {}

    public static Path file(String relative) {
        Path root = Path.of(System.getProperty("haski.thirdparty",
                System.getProperty("user.home") + "/.cache/haski-third-party-models"));
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The third-party test model is missing from " + file
                    + ": run tools/fetch-third-party-models.sh " + root + " (as .ci/run does; it needs npm)");
        }
        return file;
    }
}
