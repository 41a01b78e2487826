package ai.haski.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the {@code model.json} reader with arbitrary bytes: it returns a manifest or throws
 * {@link ModelPackageException} naming the file; any other exception, error or hang is a finding.
 *
 * <p>{@code mvn verify} replays the seeds under {@code src/test/resources/.../ManifestParserFuzzTestInputs}; to fuzz,
 * see docs/RELIABILITY.md.
 */
class ManifestParserFuzzTest {
    private static final Path FILE = Path.of("fuzzed", "model.json");

    @FuzzTest
    @Timeout(10)
    void parsesOrRefusesNamingTheFile(byte[] content) {
        try {
            ModelManifest manifest = ManifestParser.parse(FILE, content);
            assertThat(manifest.heads()).isNotEmpty();
        } catch (ModelPackageException refused) {
            assertThat(refused.getMessage()).startsWith(FILE.toString() + ": ");
        }
    }
}
