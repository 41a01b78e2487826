package ai.haski.desktop.inference;

import ai.haski.desktop.model.DetectorSpec;
import ai.haski.desktop.model.FaceBox;
import ai.haski.desktop.model.ModelTask;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A face detector package loaded and proven like any model ({@link ModelLoader}), run on a picture that is already
 * decoded: the picture goes through the package's own preprocessing, the outputs through its {@link DetectorSpec},
 * and the boxes come back in that picture's pixels. Safe to call from several threads; owns the model until closed.
 */
public final class FaceDetector implements AutoCloseable {
    private final ActiveModel model;
    private final DetectorSpec spec;
    private final DetectionDecoder decoder;
    private final ThreadLocal<Preprocessor> preprocessors = ThreadLocal.withInitial(Preprocessor::new);
    private final ThreadLocal<ByteBuffer> inputs;

    /** Takes ownership of {@code model}, which must be a face detection package. */
    public FaceDetector(ActiveModel model) {
        if (model.manifest().task() != ModelTask.FACE_DETECTION || model.manifest().detector().isEmpty()) {
            throw new IllegalArgumentException(model.describe() + " is not a face detection package");
        }
        this.model = model;
        this.spec = model.manifest().detector().get();
        this.decoder = new DetectionDecoder(spec);
        int bytes = model.inputBytes();
        this.inputs = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder()));
    }

    /** The loaded package, its format and runtime. */
    public ActiveModel model() {
        return model;
    }

    /**
     * The faces in an upright {@code TYPE_INT_RGB} picture, best first.
     *
     * @param scale multiplies the picture's pixel coordinates, e.g. to give boxes in the pixels of the full-size
     *     photo the picture was decoded from
     */
    public List<FaceBox> detect(BufferedImage picture, double scaleX, double scaleY) throws InferenceException {
        ByteBuffer input = inputs.get();
        input.clear();
        PreprocessSpec pre = model.preprocessSpec();
        preprocessors.get().toTensor(picture, pre, input.asFloatBuffer());
        Map<String, float[]> outputs = model.infer(input);
        List<FaceBox> inInput = decoder.decode(outputs.get(spec.scoresOutput()), outputs.get(spec.boxesOutput()));
        ResizeGeometry geometry = ResizeGeometry.of(picture.getWidth(), picture.getHeight(), pre.width(),
                pre.height(), pre.resize());
        double toSourceX = geometry.sourceWidth() / (double) geometry.targetWidth();
        double toSourceY = geometry.sourceHeight() / (double) geometry.targetHeight();
        List<FaceBox> faces = new ArrayList<>();
        for (FaceBox box : inInput) {
            // 0..1 of the input -> input pixels -> picture pixels (undoing the letterbox or crop) -> clipped.
            double left = (box.x() * pre.width() - geometry.targetX()) * toSourceX + geometry.sourceX();
            double top = (box.y() * pre.height() - geometry.targetY()) * toSourceY + geometry.sourceY();
            double right = left + box.width() * pre.width() * toSourceX;
            double bottom = top + box.height() * pre.height() * toSourceY;
            left = Math.max(0, left);
            top = Math.max(0, top);
            right = Math.min(picture.getWidth(), right);
            bottom = Math.min(picture.getHeight(), bottom);
            if (right > left && bottom > top) {
                faces.add(new FaceBox(left * scaleX, top * scaleY, (right - left) * scaleX, (bottom - top) * scaleY,
                        box.score()));
            }
        }
        return faces;
    }

    /** E.g. {@code mediapipe-blazeface-short-range 0.4.1657300184 (onnx, ONNX Runtime 1.23.2)}. */
    public String describe() {
        return model.describe();
    }

    @Override
    public void close() {
        model.close();
    }
}
