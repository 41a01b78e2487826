package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.model.ModelFormat;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The warm-up at load runs the same preprocessor, runtime and heads as a real analysis; it must leave nothing behind
 * that changes the next photo's result, on either runtime.
 */
class PipelineWarmUpTest {
    @ParameterizedTest
    @EnumSource(ModelFormat.class)
    void aPhotoGivesTheSameOutputsBeforeAndAfterAnotherWarmUp(ModelFormat format) throws Exception {
        try (ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(format), 1)) {
            int size = model.manifest().input().width();
            BufferedImage photo = new ImageLoader().load(TestFiles.photo("phone_IMG_20200827_231612.jpg"), size, size)
                    .image();
            Map<String, float[]> before = infer(model, photo);
            PipelineWarmUp.run(model);
            Map<String, float[]> after = infer(model, photo);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((name, values) -> assertThat(after.get(name)).as(name).containsExactly(values));
        }
    }

    private static Map<String, float[]> infer(ActiveModel model, BufferedImage photo) throws Exception {
        ByteBuffer tensor = ByteBuffer.allocateDirect(model.inputBytes()).order(ByteOrder.nativeOrder());
        new Preprocessor().toTensor(photo, model.preprocessSpec(), tensor.asFloatBuffer());
        return model.infer(tensor);
    }
}
