package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestCsv;
import ai.haski.desktop.TestFiles;
import ai.haski.desktop.model.ModelFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The photo quality as a session keeps it: saved with the result, filtered on, exported, there again on reopening. */
class SessionQualityTest {
    @TempDir
    Path dir;

    @Test
    void aPoorPhotoIsSavedFilteredAndExportedWithItsProblems() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.copy(TestFiles.photo("skimage_astronaut.png"), folder.resolve("astronaut.png"));
        BufferedImage original = ImageIO.read(TestFiles.photo("skimage_astronaut.png").toFile());
        ImageIO.write(darker(original), "png", folder.resolve("astronaut-dark.png").toFile());
        Path file = dir.resolve("q" + SessionFiles.EXTENSION);
        ModelKey model = ModelKey.of(SessionFixtures.reference(ModelFormat.ONNX).provenance());
        try (Session session = Session.open(folder, file)) {
            session.rescan();
            SessionFixtures.analyseAll(session, SessionFixtures.reference(ModelFormat.ONNX));
        }

        try (Session session = Session.open(folder, file)) {
            long dark = session.photos().byPath("astronaut-dark.png").orElseThrow().id();
            long good = session.photos().byPath("astronaut.png").orElseThrow().id();
            StoredResult darkResult = session.results().forPhoto(dark, model).orElseThrow();
            assertThat(darkResult.qualityVerdict()).contains("poor");
            assertThat(darkResult.qualityProblems()).containsExactly("TOO_DARK");
            assertThat(session.results().forPhoto(good, model).orElseThrow().qualityVerdict()).contains("good");

            PhotoPage poor = session.listing().list(PhotoQuery.all().withPoorQualityOnly());
            assertThat(poor.rows()).extracting(row -> row.photo().relativePath()).containsExactly("astronaut-dark.png");
            assertThat(session.listing().list(PhotoQuery.all().withModel(model).withPoorQualityOnly()).total())
                    .isEqualTo(1);

            Path csv = dir.resolve("export.csv");
            SessionExport.write(session, SessionExport.Format.CSV, csv);
            List<List<String>> rows = TestCsv.parse(Files.readString(csv));
            List<String> header = rows.get(0);
            List<String> darkRow = rows.stream().filter(r -> r.get(0).equals("astronaut-dark.png")).findFirst()
                    .orElseThrow();
            assertThat(darkRow.get(header.indexOf("quality"))).isEqualTo("poor");
            assertThat(darkRow.get(header.indexOf("quality_problems"))).isEqualTo("TOO_DARK");
            List<String> goodRow = rows.stream().filter(r -> r.get(0).equals("astronaut.png")).findFirst()
                    .orElseThrow();
            assertThat(goodRow.get(header.indexOf("quality"))).isEqualTo("good");
            assertThat(goodRow.get(header.indexOf("quality_problems"))).isEmpty();

            Path json = dir.resolve("export.json");
            SessionExport.write(session, SessionExport.Format.JSON, json);
            com.fasterxml.jackson.databind.JsonNode photos = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(json.toFile()).get("photos");
            for (com.fasterxml.jackson.databind.JsonNode photo : photos) {
                String expected = photo.get("file").asText().equals("astronaut-dark.png") ? "poor" : "good";
                assertThat(photo.get("results").get(0).get("quality").get("verdict").asText()).as(photo.toString())
                        .isEqualTo(expected);
            }
        }
    }

    private static BufferedImage darker(BufferedImage picture) {
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                // A fifth of each value: about what an exposure two to three stops short leaves.
                out.setRGB(x, y, ((((rgb >> 16) & 0xFF) / 5) << 16) | ((((rgb >> 8) & 0xFF) / 5) << 8)
                        | ((rgb & 0xFF) / 5));
            }
        }
        return out;
    }
}
