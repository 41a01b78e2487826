package ai.haski.desktop.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One loaded model serves several threads at once and gives each photo the same result as a lone run. */
class ConcurrentAnalysisTest {

    @ParameterizedTest
    @EnumSource(ModelFormat.class)
    void fourThreadsGiveTheSameResultsAsOne(ModelFormat format) throws Exception {
        List<Path> photos = List.of(TestFiles.photo("phone_IMG_1054.JPG"), TestFiles.photo("skimage_astronaut.png"),
                TestFiles.photo("skimage_coffee.png"), TestFiles.photo("skimage_rocket.jpg"));
        try (ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(format), 1)) {
            Analyzer analyzer = new Analyzer(model, new ImageLoader());
            List<String> alone = new ArrayList<>();
            for (Path photo : photos) {
                alone.add(probabilities(analyzer.analyze(photo)));
            }

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> together = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    for (Path photo : photos) {
                        together.add(pool.submit(() -> probabilities(analyzer.analyze(photo))));
                    }
                }
                for (int i = 0; i < together.size(); i++) {
                    assertThat(together.get(i).get()).isEqualTo(alone.get(i % photos.size()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String probabilities(AnalysisOutcome outcome) {
        assertThat(outcome).isInstanceOf(Analysis.class);
        return ResultJson.toJson(outcome).get("probabilities").toString();
    }
}
