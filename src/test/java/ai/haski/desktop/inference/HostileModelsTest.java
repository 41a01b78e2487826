package ai.haski.desktop.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.HostileModelPackages.Damage;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged weights whose SHA-256 matches the manifest, so that the native runtime itself has to reject them: each is
 * refused with a message naming the package, the format and the runtime, and a model loaded before stays usable.
 *
 * <p>These run in this JVM because {@code HostileModelsIT} first proves, in a child JVM, that neither runtime
 * crashes on exactly these files.
 */
class HostileModelsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> damagedWeights() {
        return Stream.of(ModelFormat.values())
                .flatMap(format -> Stream.of(Damage.values()).map(damage -> Arguments.of(format, damage)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("damagedWeights")
    void theRuntimeRefusesDamagedWeightsWithAMessageNamingThePackage(ModelFormat format, Damage damage) {
        ModelPackage hostile = SharedEngine.read(HostileModelPackages.withDamagedWeights(dir, format, damage));
        String runtime = format == ModelFormat.ONNX ? "ONNX Runtime" : "TensorFlow Lite";

        assertThatThrownBy(() -> SharedEngine.loader().load(hostile, List.of(format), 1))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model \"" + HostileModelPackages.id(format, damage) + "\"")
                .hasMessageContaining(format.id() + ": " + runtime + " cannot load "
                        + HostileModelPackages.id(format, damage) + " (" + format.id() + ")");
    }

    @Test
    void aModelLoadedBeforeStaysUsableAfterHostileOnesAreRefused() throws Exception {
        Path photo = TestFiles.photo("skimage_astronaut.png");
        for (ModelFormat format : ModelFormat.values()) {
            try (ActiveModel reference = SharedEngine.loader().load(SharedEngine.reference(), List.of(format), 1)) {
                Analyzer analyzer = TestAnalyzers.over(reference, new ImageLoader());
                String before = probabilities(analyzer.analyze(photo));

                for (ModelFormat hostileFormat : ModelFormat.values()) {
                    for (Damage damage : List.of(Damage.TRUNCATED_HALF, Damage.RANDOM)) {
                        Path folder = HostileModelPackages.withDamagedWeights(dir.resolve(format.id()), hostileFormat,
                                damage);
                        ModelPackage hostile = SharedEngine.read(folder);
                        assertThatThrownBy(() -> SharedEngine.loader().load(hostile, List.of(hostileFormat), 1))
                                .isInstanceOf(ModelLoadException.class);
                    }
                }

                AnalysisOutcome after = analyzer.analyze(photo);
                assertThat(probabilities(after)).as(format.id()).isEqualTo(before);
                assertThat(((Analysis) after).provenance().modelSha256()).isEqualTo(reference.sha256());
            }
        }
    }

    private static String probabilities(AnalysisOutcome outcome) {
        assertThat(outcome).isInstanceOf(Analysis.class);
        return ResultJson.toJson(outcome).get("probabilities").toString();
    }
}
