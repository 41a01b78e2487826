package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestCsv;
import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.platform.AppPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session analysed through the engine with the bundled face detector: its CSV export says how many faces each
 * photo has and carries the skin tone estimate, as stored with the result.
 */
class FaceColumnsExportTest {
    @TempDir
    Path dir;

    @Test
    void theCsvCarriesTheFaceCountAndTheSkinTone() throws Exception {
        TestFiles.faceDetectorPackage();
        Path folder = SessionFixtures.photos(dir.resolve("photos"), List.of("skimage_astronaut.png",
                "skimage_coins.png"));
        Engine engine = Engine.create(AppPaths.current(), List.of());
        try (Analyzer analyzer = engine.open(ModelRequest.model("haski-reference").forcing(ModelFormat.ONNX)
                .withThreads(ThreadBudget.single()));
                Session session = Session.open(folder, dir.resolve("faces" + SessionFiles.EXTENSION))) {
            session.rescan();
            SessionFixtures.analyseAll(session, analyzer);
            Path out = dir.resolve("export.csv");
            SessionExport.write(session, SessionExport.Format.CSV, out);

            List<List<String>> rows = TestCsv.parse(Files.readString(out, StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            List<String> astronaut = rows.stream().filter(r -> r.get(0).equals("skimage_astronaut.png")).findFirst()
                    .orElseThrow();
            List<String> coins = rows.stream().filter(r -> r.get(0).equals("skimage_coins.png")).findFirst()
                    .orElseThrow();
            assertThat(astronaut.get(header.indexOf("faces"))).isEqualTo("1");
            assertThat(astronaut.get(header.indexOf("skin_tone_group"))).isNotEmpty();
            assertThat(Double.parseDouble(astronaut.get(header.indexOf("skin_tone_ita")))).isBetween(-90.0, 90.0);
            assertThat(coins.get(header.indexOf("faces"))).isEqualTo("0");
        }
    }
}
