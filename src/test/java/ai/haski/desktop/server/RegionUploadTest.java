package ai.haski.desktop.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.ResultJson;
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

/** The form field {@code region} of {@code POST /api/v1/analyze/image}, over real loopback HTTP. */
class RegionUploadTest {
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

    private static HttpResponse<String> analyse(Path photo, Map<String, String> fields) throws Exception {
        MultipartBody body = new MultipartBody("file", photo.getFileName().toString(), Files.readAllBytes(photo),
                fields);
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/analyze/image"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadWithARegionGetsTheResultTheAnalyzerGivesForThatRegion() throws Exception {
        Path photo = TestFiles.photo("skimage_coffee.png");

        HttpResponse<String> response = analyse(photo, Map.of("region", "100, 50, 300, 250"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode served = JSON.readTree(response.body());
        assertThat(served.get("region").get("x").asInt()).isEqualTo(100);
        assertThat(served.get("region").get("source").asText()).isEqualTo("user");
        Analysis local = ((Analysis) analyzer.analyze(photo, Region.user(100, 50, 300, 250)))
                .withFile(photo.getFileName());
        assertThat(HaskiApiServerTest.comparable(served))
                .isEqualTo(HaskiApiServerTest.comparable(JSON.readTree(ResultJson.toLine(local))));
    }

    @Test
    void aMalformedRegionIs400BadRegionAndOneOutsideThePhotoIs400WithTheAnalysisCode() throws Exception {
        Path photo = TestFiles.photo("skimage_coffee.png");

        HaskiApiServerTest.assertError(analyse(photo, Map.of("region", "1,2,3")), 400, "BAD_REGION", "X,Y,W,H");
        HaskiApiServerTest.assertError(analyse(photo, Map.of("region", "500,0,200,200")), 400,
                "REGION_OUTSIDE_PHOTO", "skimage_coffee.png");
    }
}
