package ai.haski.desktop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the reference model packages (float and int8) into a temporary folder and checks every generated
 * file is identical to the one committed (bytes; pixels for the PNG) in {@code models/haski-reference/} and
 * {@code models/haski-reference-int8/}. If this fails after an intended change to the generator, regenerate (see
 * {@link ReferenceModelGenerator}) and commit.
 */
class ReferenceModelFilesAreReproducibleTest {

    @Test
    void regeneratedFilesAreByteIdenticalToTheCommittedOnes(@TempDir Path temp) throws IOException {
        Path root = ReferenceModelRuntimesAgreeTest.repositoryRoot();
        ReferenceModelGenerator.generate(temp.resolve("float"));
        ReferenceModelGenerator.generateInt8(temp.resolve("float"), temp.resolve("int8"));

        compare(temp.resolve("float"), root.resolve(ReferenceModelGenerator.DEFAULT_OUTPUT),
                ReferenceModelGenerator.GENERATED_FILES);
        compare(temp.resolve("int8"), root.resolve(ReferenceModelGenerator.DEFAULT_INT8_OUTPUT),
                Int8ReferencePackage.GENERATED_FILES);
    }

    private static void compare(Path generated, Path committed, List<String> names) throws IOException {
        for (String name : names) {
            Path fresh = generated.resolve(name);
            Path kept = committed.resolve(name);
            assertThat(kept).as("committed " + name).isRegularFile();
            if (name.endsWith(".png")) {
                // PNG bytes depend on the platform's zlib; the pixels are what the test vector is made of.
                assertThat(pixels(fresh)).as(name + " pixels differ from a fresh generation").isEqualTo(pixels(kept));
                continue;
            }
            byte[] freshBytes = Files.readAllBytes(fresh);
            byte[] keptBytes = Files.readAllBytes(kept);
            assertThat(ReferenceModelGenerator.sha256(freshBytes))
                    .as(name + " differs from a fresh generation; regenerate and commit it")
                    .isEqualTo(ReferenceModelGenerator.sha256(keptBytes));
        }
    }

    private static int[] pixels(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
