package ai.haski.desktop.inference;

import ai.haski.desktop.image.DecodedImage;
import ai.haski.desktop.image.ImageDecodeException;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.model.InputSpec;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.TestVector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a package's test vector through the whole input path (decode, preprocess, runtime) and compares the raw
 * outputs with the expected ones: a runtime that computes the model differently is refused.
 */
final class TestVectorCheck {
    private final ImageLoader imageLoader = new ImageLoader();

    /** @return the largest absolute deviation seen, when within tolerance */
    double run(ActiveModel model) throws ModelLoadException {
        ModelPackage pkg = model.modelPackage();
        TestVector vector = pkg.manifest().testVector();
        InputSpec input = pkg.manifest().input();
        Path imageFile = pkg.testInputFile();
        DecodedImage image;
        try {
            image = imageLoader.load(imageFile, input.width(), input.height());
        } catch (ImageDecodeException e) {
            throw new ModelLoadException("field 'test_vector.input_image': " + e.getMessage());
        }
        if (image.image().getWidth() != input.width() || image.image().getHeight() != input.height()) {
            throw new ModelLoadException(imageFile + ": field 'test_vector.input_image' must be exactly "
                    + input.width() + "x" + input.height() + " (the input size), found "
                    + image.image().getWidth() + "x" + image.image().getHeight());
        }
        ByteBuffer tensor = ByteBuffer.allocateDirect(model.inputBytes()).order(ByteOrder.nativeOrder());
        new Preprocessor().toTensor(image.image(), model.preprocessSpec(), tensor.asFloatBuffer());
        Map<String, float[]> outputs;
        try {
            outputs = model.infer(tensor);
        } catch (InferenceException e) {
            throw new ModelLoadException("the test vector does not run: " + e.getMessage());
        }
        double worst = 0;
        for (Map.Entry<String, float[]> expected : vector.expected().entrySet()) {
            float[] actual = outputs.get(expected.getKey());
            float[] wanted = expected.getValue();
            if (actual == null || actual.length != wanted.length) {
                throw new ModelLoadException("the test vector's output " + expected.getKey() + " has "
                        + (actual == null ? "no values" : actual.length + " values") + ", expected " + wanted.length);
            }
            for (int i = 0; i < wanted.length; i++) {
                double deviation = Math.abs((double) actual[i] - wanted[i]);
                if (!(deviation <= vector.tolerance())) {
                    throw new ModelLoadException(String.format(Locale.ROOT,
                            "test vector failed: output %s[%d] is %.6f but %.6f is expected (tolerance %.1e); "
                                    + "this runtime does not compute the model the way its author did",
                            expected.getKey(), i, actual[i], wanted[i], vector.tolerance()));
                }
                worst = Math.max(worst, deviation);
            }
        }
        return worst;
    }
}
