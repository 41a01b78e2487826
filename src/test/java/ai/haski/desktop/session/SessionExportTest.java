package ai.haski.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.haski.desktop.TestCsv;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.platform.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionExportTest {
    private static final List<String> CONTRACT = List.of("skin_type", "hair_type", "conditions_detected",
            "confidence_scores", "model_version", "model_type");

    @TempDir
    Path dir;

    private Session session;
    private StoredResult coins;
    private String override;

    @BeforeEach
    void reviewSome() throws Exception {
        session = SessionFixtures.analysedSmallSession(dir);
        ModelKey model = ModelKey.of(SessionFixtures.reference(ModelFormat.ONNX).provenance());
        long photo = session.photos().byPath("skimage_coins.png").orElseThrow().id();
        coins = session.results().forPhoto(photo, model).orElseThrow();
        String top = coins.head("hair_type").orElseThrow().topLabel();
        override = coins.labels("hair_type").stream().filter(l -> !l.equals(top)).findFirst().orElseThrow();
        session.reviews().accept(coins.analysisId(), "skin_type", "Ada");
        session.reviews().override(coins.analysisId(), "hair_type", override, "Grace");
        session.reviews().note(photo, "seen, \"quoted\", with a comma", "Grace");
        session.reviews().flag(session.photos().byPath("skimage_rocket.jpg").orElseThrow().id(), "", "Ada");
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theJsonExportCarriesTheContractProvenanceAndReviewOfEveryPhoto() throws Exception {
        Path out = dir.resolve("export.json");

        SessionExport.Summary summary = SessionExport.write(session, SessionExport.Format.JSON, out);

        assertThat(summary.photos()).isEqualTo(SessionFixtures.SMALL_SET.size());
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("format").asText()).isEqualTo("haski-session-export");
        assertThat(json.get("session").get("folder").asText()).isEqualTo(session.root().toString());
        assertThat(json.get("photos")).hasSize(SessionFixtures.SMALL_SET.size());
        JsonNode photo = find(json, "skimage_coins.png");
        JsonNode result = photo.get("results").get(0);
        for (String key : CONTRACT) {
            assertThat(result.has(key)).as(key).isTrue();
        }
        assertThat(result.get("model_id").asText()).isEqualTo("haski-reference");
        assertThat(result.get("model_sha256").asText()).isEqualTo(coins.model().sha256());
        assertThat(result.get("backend").get("runtime").asText()).isEqualTo("ONNX Runtime");
        assertThat(result.get("backend").get("version").asText()).isNotBlank();
        assertThat(result.get("app_version").asText()).isNotBlank();
        assertThat(result.get("analysed_at").asText()).isNotBlank();
        assertThat(result.get("hair_type").asText()).isEqualTo(coins.head("hair_type").orElseThrow().topLabel());
        JsonNode review = photo.get("review");
        assertThat(review.get("state").asText()).isEqualTo("overridden");
        assertThat(review.get("verdicts").get("skin_type").get("action").asText()).isEqualTo("accept");
        assertThat(review.get("verdicts").get("hair_type").get("label").asText()).isEqualTo(override);
        assertThat(review.get("verdicts").get("hair_type").get("reviewer").asText()).isEqualTo("Grace");
        assertThat(review.get("note").get("text").asText()).isEqualTo("seen, \"quoted\", with a comma");
        assertThat(review.get("history").get("verdicts")).hasSize(2);
        assertThat(find(json, "skimage_rocket.jpg").get("review").get("state").asText()).isEqualTo("flagged");
        JsonNode broken = find(json, "broken_skimage_truncated.jpg").get("results").get(0);
        assertThat(broken.get("error").get("code").asText()).isEqualTo("CORRUPT_IMAGE");
        assertThat(broken.get("model_sha256").asText()).isEqualTo(coins.model().sha256());
    }

    @Test
    void theCsvExportHasAContractRowPerPhotoAndResultWithTheCurrentVerdicts() throws Exception {
        Path out = dir.resolve("export.csv");

        SessionExport.write(session, SessionExport.Format.CSV, out);

        List<List<String>> rows = parseCsv(Files.readString(out, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertThat(header).contains("file", "skin_type", "hair_type", "condition", "skin_type_confidence",
                "conditions_detected", "model_version", "model_type", "model_sha256", "runtime", "runtime_version",
                "app_version", "analysed_at", "hair_type_verdict", "hair_type_reviewed_label", "flagged", "note");
        assertThat(rows).hasSize(1 + SessionFixtures.SMALL_SET.size());
        List<String> coinsRow = rows.stream().filter(r -> r.get(0).equals("skimage_coins.png")).findFirst()
                .orElseThrow();
        assertThat(cell(header, coinsRow, "model_type")).isEqualTo("onnx");
        assertThat(cell(header, coinsRow, "skin_type_verdict")).isEqualTo("accept");
        assertThat(cell(header, coinsRow, "hair_type_verdict")).isEqualTo("override");
        assertThat(cell(header, coinsRow, "hair_type_reviewed_label")).isEqualTo(override);
        assertThat(cell(header, coinsRow, "note")).isEqualTo("seen, \"quoted\", with a comma");
        assertThat(cell(header, coinsRow, "review_state")).isEqualTo("overridden");
        // The fixture's analyzers run no face stage: no faces key in the result, so an empty cell, not "0".
        assertThat(header).endsWith("faces", "skin_tone_ita", "skin_tone_group");
        assertThat(cell(header, coinsRow, "faces")).isEmpty();
        assertThat(Double.parseDouble(cell(header, coinsRow, "skin_type_confidence")))
                .isEqualTo(coins.head("skin_type").orElseThrow().topProbability(), org.assertj.core.api.Assertions
                        .within(1e-6));
    }

    @Test
    void photoNamesAndNotesThatASpreadsheetWouldRunAreNeutralisedInCsvAndExactInJson() throws Exception {
        List<String> names = List.of("=1+1.png", "@SUM(A1).png", "-2+3.png", "+4.png", "\tleading-tab.png",
                "\rleading-cr.png");
        Path folder = Files.createDirectories(dir.resolve("hostile-names"));
        for (String name : names) {
            Files.copy(ai.haski.desktop.TestFiles.photo("skimage_coins.png"), folder.resolve(name));
        }
        String hyperlink = "=HYPERLINK(\"http://evil\",\"click\")";
        try (Session hostile = Session.open(folder, dir.resolve("hostile" + SessionFiles.EXTENSION))) {
            hostile.rescan();
            SessionFixtures.analyseAll(hostile, SessionFixtures.reference(ModelFormat.ONNX));
            hostile.reviews().note(hostile.photos().byPath("=1+1.png").orElseThrow().id(), hyperlink, "@Ada");
            Path csv = dir.resolve("hostile.csv");
            Path json = dir.resolve("hostile.json");

            SessionExport.write(hostile, SessionExport.Format.CSV, csv);
            SessionExport.write(hostile, SessionExport.Format.JSON, json);

            List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            List<String> files = rows.stream().skip(1).map(r -> r.get(0)).toList();
            assertThat(files).containsExactlyInAnyOrderElementsOf(names.stream().map(n -> "'" + n).toList());
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertThat(cell).as("a cell of %s", row.get(0)).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t")
                            .doesNotStartWith("\r");
                }
            }
            List<String> noted = rows.stream().filter(r -> r.get(0).equals("'=1+1.png")).findFirst().orElseThrow();
            assertThat(cell(header, noted, "note")).isEqualTo("'" + hyperlink);
            assertThat(cell(header, noted, "note_reviewer")).isEqualTo("'@Ada");
            assertThat(Double.parseDouble(cell(header, noted, "skin_type_confidence"))).isBetween(0.0, 1.0);

            JsonNode exported = new ObjectMapper().readTree(json.toFile());
            List<String> jsonFiles = new ArrayList<>();
            exported.get("photos").forEach(photo -> jsonFiles.add(photo.get("file").asText()));
            assertThat(jsonFiles).containsExactlyInAnyOrderElementsOf(names);
            assertThat(find(exported, "=1+1.png").get("review").get("note").get("text").asText()).isEqualTo(hyperlink);
        }
    }

    @Test
    void aFailingWriteLeavesTheEarlierFileIntactAndNoPartialFileBehind() throws Exception {
        Path out = dir.resolve("export.csv");
        SessionExport.write(session, SessionExport.Format.CSV, out);
        byte[] good = Files.readAllBytes(out);

        assertThatThrownBy(() -> AtomicFiles.write(out, stream -> {
            stream.write("file,skin_type\r\nhalf a row".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left on device");

        assertThat(Files.readAllBytes(out)).isEqualTo(good);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void anExportIntoAFolderThatIsNotThereSaysSo() {
        Path out = dir.resolve("no-such-folder").resolve("export.json");

        assertThatThrownBy(() -> SessionExport.write(session, SessionExport.Format.JSON, out))
                .isInstanceOf(SessionException.class).hasMessageContaining(out.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void anExportNeverOverwritesASessionFileOrAFolder() throws Exception {
        assertThatThrownBy(() -> SessionExport.write(session, SessionExport.Format.CSV, session.file()))
                .isInstanceOf(SessionException.class).hasMessageContaining("session files");
        assertThat(session.photos().all()).hasSize(SessionFixtures.SMALL_SET.size());

        Path folder = Files.createDirectories(dir.resolve("a-folder.csv"));
        assertThatThrownBy(() -> SessionExport.write(session, SessionExport.Format.CSV, folder))
                .isInstanceOf(SessionException.class).hasMessageContaining("is a folder");
        assertThat(folder).isDirectory();
    }

    private static JsonNode find(JsonNode export, String file) {
        for (JsonNode photo : export.get("photos")) {
            if (photo.get("file").asText().equals(file)) {
                return photo;
            }
        }
        throw new AssertionError("no photo " + file + " in the export");
    }

    private static String cell(List<String> header, List<String> row, String column) {
        return row.get(header.indexOf(column));
    }

    static List<List<String>> parseCsv(String text) {
        return TestCsv.parse(text);
    }
}
