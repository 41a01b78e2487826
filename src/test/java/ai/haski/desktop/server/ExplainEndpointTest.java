package ai.haski.desktop.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ExplainJson;
import ai.haski.desktop.analysis.ExplainProgress;
import ai.haski.desktop.analysis.ExplainRequest;
import ai.haski.desktop.analysis.Explanation;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/analyze/explain} over real loopback HTTP, compared with the CLI's JSON of the same photo. */
class ExplainEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static ActiveModel model;
    private static Analyzer analyzer;
    private static HaskiApiServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
        analyzer = TestAnalyzers.over(model, new ImageLoader());
        server = HaskiApiServer.start(HaskiApiServerTest.settings(Optional.empty(), Optional.empty(),
                4 * 1024 * 1024, 5_000), ServedModel.of(analyzer), work.resolve("uploads"));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    private static HttpResponse<String> explain(Path photo, Map<String, String> fields) throws Exception {
        MultipartBody body = new MultipartBody("file", photo.getFileName().toString(), Files.readAllBytes(photo),
                fields);
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/analyze/explain"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadGetsTheMapTheCliWritesAndTheSameUploadAgainComesFromTheCache() throws Exception {
        Path photo = TestFiles.photo("skimage_coffee.png");
        Map<String, String> fields = Map.of("head", "skin_type", "label", "dry", "grid", "6");

        HttpResponse<String> response = explain(photo, fields);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode served = JSON.readTree(response.body());
        assertThat(served.get("file").asText()).isEqualTo("skimage_coffee.png");
        Explanation local = (Explanation) analyzer.explain(photo, ExplainRequest.defaults()
                .withHead(Optional.of("skin_type")).withLabel(Optional.of("dry")).withGrid(6),
                ExplainProgress.NONE, () -> false);
        assertThat(HaskiApiServerTest.comparable(served)).isEqualTo(HaskiApiServerTest.comparable(JSON.readTree(ExplainJson.toPrettyJson(local))));

        HttpResponse<String> again = explain(photo, fields);
        // The very same timings: the second answer is the first map, not a second computation of it.
        assertThat(JSON.readTree(again.body())).isEqualTo(served);
    }

    @Test
    void theDefaultsAreTheFirstHeadsTopLabelOnA14By14Grid() throws Exception {
        HttpResponse<String> response = explain(TestFiles.photo("skimage_coffee.png"), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("head").asText()).isEqualTo("skin_type");
        assertThat(json.get("grid").get("rows").asInt()).isEqualTo(ExplainRequest.DEFAULT_GRID);
        assertThat(json.get("note").asText()).contains("not a medical finding");
    }

    @Test
    void badHeadLabelOrGridAre400WithTheirOwnCodes() throws Exception {
        Path photo = TestFiles.photo("skimage_coffee.png");

        HaskiApiServerTest.assertError(explain(photo, Map.of("head", "nope")), 400, "UNKNOWN_HEAD", "skin_type");
        HaskiApiServerTest.assertError(explain(photo, Map.of("label", "nope")), 400, "UNKNOWN_LABEL", "dry");
        HaskiApiServerTest.assertError(explain(photo, Map.of("grid", "0")), 400, "BAD_GRID", "1 to 64");
        HaskiApiServerTest.assertError(explain(photo, Map.of("grid", "many")), 400, "BAD_GRID", "many");
    }

    @Test
    void notAnImageIsTheSameFailureAsAnAnalysis() throws Exception {
        Path text = Files.writeString(work.resolve("notes.png"), "this is text");

        HaskiApiServerTest.assertError(explain(text, Map.of()), 400, "UNSUPPORTED_FORMAT", "notes.png");
    }
}
