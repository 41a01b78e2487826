package ai.haski.desktop.inference;

import ai.haski.desktop.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The networks this project did not make, fetched by {@code tools/fetch-third-party-models.sh} (as {@code mvn verify}
 * does) into {@code -Dhaski.thirdparty}, else the user's cache folder's {@code haski-third-party-models}. A missing
 * file skips the test with the command that fetches it.
 */
public final class ThirdPartyModels {
    public static final String PADDLE_CLASSIFIER = "ocr-models-1.4.2/package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public static final String BLAZEFACE_TFLITE =
            "mediapipe-face_detection-0.4.1657300184/package/face_detection_short_range.tflite";
    public static final String BLAZEFACE_ONNX =
            "blazeface-barracuda-1.2.0/package/ONNX/face_detection_front_128x128_barracuda.onnx";

    private ThirdPartyModels() {}

    public static Path file(String relative) {
        Path root = TestFiles.cacheFolder("haski.thirdparty", "haski-third-party-models");
        Path file = root.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "The third-party test model " + file + " is missing: "
                + "run tools/fetch-third-party-models.sh (mvn verify does; it needs npm: apt-get install npm)");
        return file;
    }
}
