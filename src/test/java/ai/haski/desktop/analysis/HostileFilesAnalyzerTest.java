package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.haski.desktop.image.HostileImages;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * One analyzer meets every hostile file in turn, each followed by a good photo: every hostile file gets its code and
 * a message naming it, and the photo after it is still analysed, so one bad file never costs the rest of a batch.
 */
class HostileFilesAnalyzerTest {
    @TempDir
    Path folder;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void everyHostileFileFailsAloneAndThePhotoAfterItIsStillAnalysed() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        for (HostileImages.Case hostile : HostileImages.all()) {
            expected.put(hostile.name(), hostile.expectedCode());
        }
        HostileImages.writeAll(folder, HostileImages.all());
        expected.putAll(HostileImages.writeSpecialEntries(folder));
        HostileImages.writeDecompressionBomb(folder.resolve("bomb.png"));
        expected.put("bomb.png", HostileImages.TOO_LARGE);
        HostileImages.writeHugeJpeg(folder.resolve("huge scan.jpg"), HostileImages.HUGE_JPEG_SIDE);
        expected.put("huge scan.jpg", HostileImages.TOO_LARGE);
        // A small good picture keeps the 60-odd analyses in between quick.
        HostileImages.Case good = HostileImages.goodPicturesWithAwkwardNames().get(0);
        Path photo = HostileImages.writeAll(Files.createDirectory(folder.resolve("good")), List.of(good))
                .get(good.name());

        try (ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1)) {
            Analyzer analyzer = new Analyzer(model, new ImageLoader());
            String reference = probabilities(analyzer.analyze(photo));
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                Path file = folder.resolve(entry.getKey());
                AnalysisOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> analyzer.analyze(file), entry.getKey());
                if (entry.getValue() == null) {
                    assertThat(outcome).as(entry.getKey()).isInstanceOf(Analysis.class);
                    assertThat(outcome.file()).isEqualTo(file);
                } else {
                    assertThat(outcome).as(entry.getKey()).isInstanceOfSatisfying(AnalysisFailure.class, failure -> {
                        assertThat(failure.code()).as(failure.message()).isEqualTo(entry.getValue());
                        assertThat(failure.message()).contains(file.getFileName().toString());
                    });
                }
                assertThat(probabilities(analyzer.analyze(photo))).as("the photo after " + entry.getKey())
                        .isEqualTo(reference);
            }
        }
    }

    private static String probabilities(AnalysisOutcome outcome) {
        assertThat(outcome).isInstanceOf(Analysis.class);
        return ResultJson.toJson(outcome).get("probabilities").toString();
    }
}
