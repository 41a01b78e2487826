package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.platform.CsvTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result of a region, and a verdict on it, are saved with the region in a real SQLite session: reopening shows
 * it, a verdict keeps the region it was given on after the photo is analysed again, and both exports carry it.
 */
class SessionRegionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ActiveModel model;
    private static Analyzer analyzer;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
        analyzer = TestAnalyzers.over(model, new ImageLoader());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aRegionResultAndItsVerdictsKeepTheirRegionAcrossReopeningAndExports() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.copy(TestFiles.photo("skimage_astronaut.png"), folder.resolve("astronaut.png"));
        Path file = dir.resolve("s" + SessionFiles.EXTENSION);
        Region box = Region.user(100, 40, 250, 300);
        try (Session session = Session.open(folder, file)) {
            session.rescan();
            Photo photo = session.photos().byPath("astronaut.png").orElseThrow();
            Analysis whole = (Analysis) analyzer.analyze(folder.resolve("astronaut.png"));
            StoredResult first = session.results().save(photo, whole, whole.provenance(), photo.sizeBytes(),
                    photo.modifiedMillis());
            session.reviews().accept(first.analysisId(), "skin_type", "Ada");

            Analysis boxed = (Analysis) analyzer.analyze(folder.resolve("astronaut.png"), box);
            assertThat(session.results().save(photo, boxed, boxed.provenance(), photo.sizeBytes(),
                    photo.modifiedMillis()).region()).as("a plain save keeps the earlier result").contains(
                    Region.whole(512, 512));
            StoredResult replaced = session.results().replace(photo, boxed, boxed.provenance(), photo.sizeBytes(),
                    photo.modifiedMillis());
            assertThat(replaced.analysisId()).isEqualTo(first.analysisId());
            session.reviews().override(replaced.analysisId(), "hair_type", "wavy", "Ada");
        }

        try (Session again = Session.open(folder, file)) {
            Photo photo = again.photos().byPath("astronaut.png").orElseThrow();
            assertThat(again.results().forPhoto(photo.id())).singleElement()
                    .satisfies(result -> assertThat(result.region()).contains(box));
            List<Verdict> history = again.reviews().verdictHistory(photo.id());
            assertThat(history).extracting(Verdict::region)
                    .containsExactly(java.util.Optional.of(Region.whole(512, 512)), java.util.Optional.of(box));

            Path csv = dir.resolve("export.csv");
            SessionExport.write(again, SessionExport.Format.CSV, csv);
            List<List<String>> table = CsvTable.parse(Files.readString(csv));
            List<String> header = table.get(0);
            List<String> row = table.get(1);
            assertThat(row.get(header.indexOf("region"))).isEqualTo("100,40,250,300");
            assertThat(row.get(header.indexOf("region_source"))).isEqualTo("user");

            Path json = dir.resolve("export.json");
            SessionExport.write(again, SessionExport.Format.JSON, json);
            JsonNode exported = JSON.readTree(json.toFile()).path("photos").get(0);
            assertThat(exported.path("results").get(0).path("region").path("x").asInt()).isEqualTo(100);
            JsonNode verdicts = exported.path("review").path("history").path("verdicts");
            assertThat(verdicts.get(0).path("region").path("source").asText()).isEqualTo("whole");
            assertThat(verdicts.get(1).path("region").path("width").asInt()).isEqualTo(250);
            assertThat(exported.path("review").path("verdicts").path("hair_type").path("region").path("x").asInt())
                    .isEqualTo(100);
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT region, region_source FROM analysis")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("100,40,250,300");
            assertThat(rows.getString(2)).isEqualTo("user");
        }
    }
}
