package ai.haski.desktop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the reference model package into a temporary folder and checks every generated file is
 * byte-identical to the one committed in {@code models/haski-reference/}. If this fails after an
 * intended change to the generator, regenerate (see {@link ReferenceModelGenerator}) and commit.
 */
class ReferenceModelFilesAreReproducibleTest {

    @Test
    void regeneratedFilesAreByteIdenticalToTheCommittedOnes(@TempDir Path temp) throws IOException {
        Path committed = ReferenceModelRuntimesAgreeTest.repositoryRoot().resolve(ReferenceModelGenerator.DEFAULT_OUTPUT);
        ReferenceModelGenerator.generate(temp);

        for (String name : ReferenceModelGenerator.GENERATED_FILES) {
            Path fresh = temp.resolve(name);
            Path kept = committed.resolve(name);
            assertThat(kept).as("committed " + name).isRegularFile();
            byte[] freshBytes = Files.readAllBytes(fresh);
            byte[] keptBytes = Files.readAllBytes(kept);
            assertThat(ReferenceModelGenerator.sha256(freshBytes))
                    .as(name + " differs from a fresh generation; regenerate and commit it")
                    .isEqualTo(ReferenceModelGenerator.sha256(keptBytes));
        }
    }
}
