package ai.haski.desktop.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ResultJson;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API answered over real loopback HTTP, compared with what {@code analyze} says of the same photos. */
class HaskiApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    static Path work;
    private static ActiveModel model;
    private static Analyzer analyzer;
    private static Path allowed;
    private static HaskiApiServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
        analyzer = TestAnalyzers.over(model, new ImageLoader());
        allowed = Files.createDirectories(work.resolve("allowed"));
        Files.copy(TestFiles.photo("skimage_coffee.png"), allowed.resolve("coffee.png"));
        Files.writeString(work.resolve("secret.txt"), "outside the allowed folder");
        Files.createSymbolicLink(allowed.resolve("escape.png"), work.resolve("secret.txt"));
        server = HaskiApiServer.start(settings(Optional.empty(), Optional.of(allowed), 2 * 1024 * 1024, 2_000),
                ServedModel.of(analyzer), work.resolve("uploads"));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    static ServerSettings settings(Optional<String> token, Optional<Path> root, long maxUpload, long idleMillis) {
        return new ServerSettings("127.0.0.1", 0, token, root, maxUpload, 2, idleMillis);
    }

    static URI uri(HaskiApiServer on, String path) {
        return URI.create("http://127.0.0.1:" + on.port() + path);
    }

    static HttpResponse<String> upload(HaskiApiServer on, Path file, String... headers) throws Exception {
        MultipartBody body = new MultipartBody("file", file.getFileName().toString(), Files.readAllBytes(file));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(on, "/api/v1/analyze/image"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postPath(String path) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("path", path);
        return client.send(HttpRequest.newBuilder(uri(server, "/api/v1/analyze/file"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static void assertError(HttpResponse<String> response, int status, String code, String messagePart)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(messagePart);
        assertThat(json(response).has("skin_type")).isFalse();
    }

    /** What {@code analyze} prints for the file, read back as the client reads the server's answer. */
    static ObjectNode expectedFor(Path photo) throws Exception {
        return comparable(JSON.readTree(ResultJson.toLine(analyzer.analyze(photo))));
    }

    /** The CLI's JSON for the same file, without the fields that differ by nature (name, timings). */
    static ObjectNode comparable(JsonNode result) {
        ObjectNode copy = result.deepCopy();
        copy.remove("file");
        copy.remove("timings_ms");
        return copy;
    }

    @Test
    void anUploadedPhotoGetsExactlyTheResultAnalyzeGives() throws Exception {
        Path photo = TestFiles.photo("phone_IMG_1054.JPG");

        HttpResponse<String> response = upload(server, photo);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode served = json(response);
        assertThat(served.get("file").asText()).isEqualTo("phone_IMG_1054.JPG");
        // The photo quality comes with the answer, as analyze prints it (the comparison below includes it).
        assertThat(served.get("quality").get("verdict").asText()).isEqualTo("good");
        assertThat(comparable(served)).isEqualTo(expectedFor(photo));
    }

    @Test
    void aLocalFileInsideTheAllowedFolderIsAnalysed() throws Exception {
        HttpResponse<String> response = postPath("coffee.png");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(comparable(json(response)))
                .isEqualTo(expectedFor(allowed.resolve("coffee.png")));
    }

    @Test
    void pathsOutsideTheAllowedFolderAreRefused() throws Exception {
        assertError(postPath("../secret.txt"), 403, "PATH_NOT_ALLOWED", "outside the folder");
        assertError(postPath(work.resolve("secret.txt").toString()), 403, "PATH_NOT_ALLOWED", "outside");
        assertError(postPath("escape.png"), 403, "PATH_NOT_ALLOWED", "escape.png");
        assertError(postPath("missing.png"), 404, "FILE_NOT_FOUND", "missing.png");
    }

    @Test
    void notAnImageIs400() throws Exception {
        Path text = Files.writeString(work.resolve("notes.png"), "this is text");

        assertError(upload(server, text), 400, "UNSUPPORTED_FORMAT", "notes.png");
    }

    @Test
    void tooLargeIs413() throws Exception {
        Path big = work.resolve("big.jpg");
        Files.write(big, new byte[3 * 1024 * 1024]);

        assertError(upload(server, big), 413, "UPLOAD_TOO_LARGE", "--max-upload-mb");
    }

    @Test
    void otherBodiesAre415AndOtherPathsAndMethodsAre404And405() throws Exception {
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(uri(server, "/api/v1/analyze/image"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(plain, 415, "UNSUPPORTED_MEDIA_TYPE", "multipart/form-data");
        HttpResponse<String> missingField = client.send(HttpRequest.newBuilder(uri(server, "/api/v1/analyze/image"))
                .header("Content-Type", new MultipartBody("photo", "a.jpg", new byte[10]).contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new MultipartBody("photo", "a.jpg", new byte[10]).bytes))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missingField.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(uri(server, "/api/v2/x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(unknown, 404, "NOT_FOUND", "/api/v1/analyze/image");
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(uri(server, "/api/v1/analyze/image"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertError(wrongMethod, 405, "METHOD_NOT_ALLOWED", "POST");
    }

    @Test
    void healthSaysWhichModelAndRuntimeServeAndCountsRequests() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(server, "/api/v1/analyze/health"))
                .build(), HttpResponse.BodyHandlers.ofString());

        JsonNode health = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("model").get("id").asText()).isEqualTo("haski-reference");
        assertThat(health.get("model").get("sha256").asText()).isEqualTo(model.sha256());
        assertThat(health.get("model").get("format").asText()).isEqualTo("onnx");
        assertThat(health.get("runtime").get("name").asText()).isEqualTo("ONNX Runtime");
        assertThat(health.get("self_check").get("state").asText()).isEqualTo("passed");
        assertThat(health.get("counts").get("requests").asLong()).isPositive();
        assertThat(health.has("uptime_s")).isTrue();
    }

    @Test
    void withATokenEveryRequestMustCarryIt() throws Exception {
        try (HaskiApiServer guarded = HaskiApiServer.start(settings(Optional.of(TOKEN), Optional.empty(),
                1 << 20, 2_000), ServedModel.of(analyzer), work.resolve("uploads"))) {
            Path photo = TestFiles.photo("skimage_coffee.png");

            assertError(upload(guarded, photo), 401, "UNAUTHORIZED", "Authorization: Bearer");
            assertError(upload(guarded, photo, "Authorization", "Bearer wrong"), 401, "UNAUTHORIZED", "token");
            assertThat(upload(guarded, photo, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutAUsableModelAnalysesAre503AndHealthSaysWhy() throws Exception {
        try (HaskiApiServer modelless = HaskiApiServer.start(settings(Optional.empty(), Optional.empty(), 1 << 20,
                2_000), ServedModel.unavailable("model \"x\" failed its test vector"), work.resolve("uploads"))) {
            assertError(upload(modelless, TestFiles.photo("skimage_coffee.png")), 503, "NO_MODEL", "test vector");
            JsonNode health = json(client.send(HttpRequest.newBuilder(uri(modelless, "/api/v1/analyze/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
            assertThat(health.get("status").asText()).isEqualTo("no_model");
            assertThat(health.get("self_check").get("reason").asText()).contains("test vector");
        }
    }

    @Test
    void theFilesEndpointIsOffUnlessAFolderIsAllowed() throws Exception {
        try (HaskiApiServer closed = HaskiApiServer.start(settings(Optional.empty(), Optional.empty(), 1 << 20,
                2_000), ServedModel.of(analyzer), work.resolve("uploads"))) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(closed, "/api/v1/analyze/file"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"/etc/passwd\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertError(response, 403, "PATHS_DISABLED", "--allow-paths");
        }
    }

    @Test
    void aStalledClientIsDisconnectedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /api/v1/analyze/image HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            // The server gives up on the half-sent request: it answers an error or just closes.
            while (in.read() != -1) {
                // drain whatever error answer comes before the close
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).isLessThan(8);
        }
    }

    @Test
    void stoppingLetsARequestInFlightFinish() throws Exception {
        HaskiApiServer stopping = HaskiApiServer.start(settings(Optional.empty(), Optional.empty(), 1 << 22, 5_000),
                ServedModel.of(analyzer), work.resolve("uploads"));
        Path photo = TestFiles.photo("skimage_coffee.png");
        MultipartBody body = new MultipartBody("file", "coffee.png", Files.readAllBytes(photo));
        CountDownLatch halfSent = new CountDownLatch(1);
        // The body arrives in two halves a second apart, so the stop lands while the request is in flight.
        HttpRequest request = HttpRequest.newBuilder(uri(stopping, "/api/v1/analyze/image"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(body.bytes, 0, body.bytes.length / 2),
                        new InputStream() {
                            private final InputStream rest = new ByteArrayInputStream(body.bytes,
                                    body.bytes.length / 2, body.bytes.length - body.bytes.length / 2);
                            private boolean waited;

                            @Override
                            public int read() throws java.io.IOException {
                                if (!waited) {
                                    waited = true;
                                    halfSent.countDown();
                                    try {
                                        Thread.sleep(1_000);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                }
                                return rest.read();
                            }
                        }))).build();
        var answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        assertThat(halfSent.await(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stopping.requestsServed() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // until the server is handling the request, not merely receiving bytes
        }

        stopping.close();

        HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("file").asText()).isEqualTo("coffee.png");
    }

    @Test
    void aBoundedConcurrentLoadIsAnsweredCorrectlyEveryTime() throws Exception {
        List<Path> photos = List.of(TestFiles.photo("skimage_coffee.png"), TestFiles.photo("skimage_astronaut.png"),
                TestFiles.photo("phone_debian_logo.jpg"), TestFiles.photo("skimage_rocket.jpg"));
        List<ObjectNode> expected = new ArrayList<>();
        for (Path photo : photos) {
            expected.add(expectedFor(photo));
        }
        ExecutorService connections = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int index = i % photos.size();
                answers.add(connections.submit(() -> {
                    HttpResponse<String> response = upload(server, photos.get(index));
                    return response.statusCode() == 200 && comparable(json(response)).equals(expected.get(index));
                }));
            }
            int correct = 0;
            for (Future<Boolean> answer : answers) {
                correct += answer.get() ? 1 : 0;
            }
            assertThat(correct).isEqualTo(200);
        } finally {
            connections.shutdownNow();
        }
    }
}
