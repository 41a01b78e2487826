package ai.haski.desktop.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of the second hardening round, each replayed over real loopback HTTP against a running server: slow
 * and refused bodies, an unbounded body to a switched-off endpoint, a link swapped in while a path is opened, a
 * full queue, malformed uploads, slow headers. Deadlines are short and configured, so what a test sees is decided
 * by the server's deadline and the queue's size, not by how fast this machine is; health must answer within 1 s
 * throughout.
 */
class ServeAttacksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String MULTIPART = "multipart/form-data; boundary=b0undary";

    @TempDir
    static Path work;
    private static ActiveModel model;
    private static Analyzer analyzer;
    private static HttpClient client;

    @BeforeAll
    static void load() throws Exception {
        model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1);
        analyzer = TestAnalyzers.over(model, new ImageLoader());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Two analyses at once, the given queue, 256 connections, and the given header and body deadlines. */
    static ServerSettings settings(Optional<String> token, Optional<Path> root, int queue, long headerMillis,
            long bodyMillis) {
        return new ServerSettings("127.0.0.1", 0, token, root, 4 * 1024 * 1024, 2, 30_000, queue, 256,
                headerMillis, bodyMillis);
    }

    static HaskiApiServer start(ServerSettings settings) throws Exception {
        return HaskiApiServer.start(settings, ServedModel.of(analyzer), work.resolve("uploads"));
    }

    static URI uri(HaskiApiServer on, String path) {
        return URI.create("http://127.0.0.1:" + on.port() + path);
    }

    /** Health within one second, or the test fails. */
    static void assertHealthy(HaskiApiServer on, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(on, AnalysisApiHandler.HEALTH))
                .timeout(Duration.ofSeconds(1));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> health = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    static HttpRequest uploadRequest(HaskiApiServer on, String name, byte[] content, String... headers) {
        MultipartBody body = new MultipartBody("file", name, content);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(on, AnalysisApiHandler.IMAGE))
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request.build();
    }

    static HttpResponse<String> upload(HaskiApiServer on, Path photo, String... headers) throws Exception {
        return client.send(uploadRequest(on, photo.getFileName().toString(), Files.readAllBytes(photo), headers),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").get("code").asText()).isEqualTo(code);
        assertNoJavaText(response.body());
    }

    static void assertNoJavaText(String answer) {
        assertThat(answer).doesNotContain("java.").doesNotContain("Exception").doesNotContain("jetty");
    }

    // Finding 1: slow bodies, with a wrong token and without any token.

    @Test
    void refusedSlowBodiesAreAnsweredAndClosedAtOnceWhileHealthAndUploadsGoOn() throws Exception {
        try (HaskiApiServer guarded = start(settings(Optional.of(TOKEN), Optional.empty(), 32, 10_000, 60_000))) {
            List<RawClient> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    // A million bytes promised, ten sent, then nothing: the rest would come "one byte every 10 s".
                    slow.add(new RawClient(guarded.port()).send(RawClient.postHead(AnalysisApiHandler.IMAGE,
                            MULTIPART, 1_000_000, "Authorization: Bearer wrong-token-0123456789") + "--b0undary\r"));
                }
                assertHealthy(guarded, "Authorization", "Bearer " + TOKEN);
                HttpResponse<String> real = upload(guarded, TestFiles.photo("skimage_coffee.png"),
                        "Authorization", "Bearer " + TOKEN);
                assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
                for (RawClient client : slow) {
                    // Answered at once and closed after at most the 2 s drain, long before the 60 s body deadline.
                    String answer = client.readUntilClosed(10_000);
                    assertThat(answer).startsWith("HTTP/1.1 401").contains("UNAUTHORIZED")
                            .containsIgnoringCase("Connection: close").doesNotContain("<still open>");
                }
                assertHealthy(guarded, "Authorization", "Bearer " + TOKEN);
            } finally {
                for (RawClient client : slow) {
                    client.close();
                }
            }
        }
    }

    @Test
    void slowBodiesWithoutATokenMeetTheBodyDeadlineAndNeverStopHealthOrRealUploads() throws Exception {
        try (HaskiApiServer open = start(settings(Optional.empty(), Optional.empty(), 32, 10_000, 2_000))) {
            List<RawClient> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    slow.add(new RawClient(open.port()).send(RawClient.postHead(AnalysisApiHandler.IMAGE,
                            MULTIPART, 1_000_000) + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; "
                            + "filename=\"slow.jpg\"\r\n\r\n\u00ff\u00d8"));
                }
                for (int i = 0; i < 5; i++) {
                    assertHealthy(open);
                }
                HttpResponse<String> real = upload(open, TestFiles.photo("skimage_coffee.png"));
                assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
                for (RawClient client : slow) {
                    String answer = client.readUntilClosed(15_000);
                    assertThat(answer).startsWith("HTTP/1.1 408").contains("REQUEST_TIMEOUT")
                            .doesNotContain("<still open>");
                }
                assertHealthy(open);
            } finally {
                for (RawClient client : slow) {
                    client.close();
                }
            }
        }
    }

    @Test
    void aRefusedLargeBodyStillReachesTheClientAsItsAnswer() throws Exception {
        try (HaskiApiServer guarded = start(settings(Optional.of(TOKEN), Optional.empty(), 32, 10_000, 60_000))) {
            byte[] content = new byte[3 * 1024 * 1024];
            for (int i = 0; i < 20; i++) {
                // The whole 3 MB is sent while the server answers 401 without reading it; the client must see it.
                HttpResponse<String> refused = client.send(uploadRequest(guarded, "big.jpg", content,
                        "Authorization", "Bearer wrong-token-0123456789"), HttpResponse.BodyHandlers.ofString());
                assertError(refused, 401, "UNAUTHORIZED");
            }
            for (int i = 0; i < 10; i++) {
                try (RawClient raw = new RawClient(guarded.port())) {
                    raw.send(RawClient.postHead(AnalysisApiHandler.IMAGE, MULTIPART, content.length)).send(content);
                    assertThat(raw.readUntilClosed(5_000)).startsWith("HTTP/1.1 401");
                }
            }
            // The scheme is case-insensitive; the token is not.
            assertThat(upload(guarded, TestFiles.photo("skimage_coffee.png"), "Authorization", "bearer " + TOKEN)
                    .statusCode()).isEqualTo(200);
            assertError(upload(guarded, TestFiles.photo("skimage_coffee.png"), "Authorization",
                    "Bearer " + TOKEN.toUpperCase()), 401, "UNAUTHORIZED");
        }
    }

    // Finding 2: an unbounded body to /file.

    @Test
    void theFileEndpointSwitchedOffRefusesAnUnboundedChunkedBodyBeforeReadingIt() throws Exception {
        try (HaskiApiServer closed = start(settings(Optional.empty(), Optional.empty(), 32, 10_000, 60_000))) {
            String answer = RawClient.postChunkedReadingTheAnswer(closed.port(), AnalysisApiHandler.FILE,
                    "application/json", "{\"path\": \"".getBytes(StandardCharsets.US_ASCII), 148L << 20);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("PATHS_DISABLED");
            assertNoJavaText(answer);
            assertHealthy(closed);
        }
    }

    @Test
    void theFileEndpointCapsItsJsonBodyHoweverItIsFramed() throws Exception {
        Path allowed = Files.createDirectories(work.resolve("capped"));
        try (HaskiApiServer on = start(settings(Optional.empty(), Optional.of(allowed), 32, 10_000, 60_000))) {
            String chunkedBody = RawClient.postChunkedReadingTheAnswer(on.port(), AnalysisApiHandler.FILE,
                    "application/json", "{\"path\": \"".getBytes(StandardCharsets.US_ASCII), 148L << 20);
            assertThat(chunkedBody).startsWith("HTTP/1.1 413").contains("BODY_TOO_LARGE");
            assertNoJavaText(chunkedBody);
            try (RawClient declared = new RawClient(on.port())) {
                declared.send(RawClient.postHead(AnalysisApiHandler.FILE, "application/json", 1 << 20));
                assertThat(declared.readUntilClosed(5_000)).startsWith("HTTP/1.1 413").contains("BODY_TOO_LARGE");
            }
            assertHealthy(on);
        }
    }

    // Finding 3: a folder swapped for a link while its photo is opened; a hard link.

    @Test
    void aFolderSwappedForALinkWhileItsPhotoIsOpenedNeverServesTheOutsidePhoto() throws Exception {
        Path allowed = Files.createDirectories(work.resolve("race/allowed"));
        Path outside = Files.createDirectories(work.resolve("race/outside"));
        Path inside = Files.createDirectories(allowed.resolve("dir"));
        Files.copy(TestFiles.photo("skimage_coffee.png"), inside.resolve("photo.png"));
        Files.copy(TestFiles.photo("skimage_astronaut.png"), outside.resolve("photo.png"));
        JsonNode insideResult = heads(analyzer.analyze(inside.resolve("photo.png")));
        JsonNode outsideResult = heads(analyzer.analyze(outside.resolve("photo.png")));
        assertThat(insideResult).isNotEqualTo(outsideResult);
        Path parked = allowed.resolve("dir.parked");
        AtomicBoolean swapping = new AtomicBoolean(true);
        Thread swapper = new Thread(() -> {
            while (swapping.get()) {
                try {
                    Files.move(inside, parked);
                    Files.createSymbolicLink(inside, outside);
                    Thread.onSpinWait();
                    Files.delete(inside);
                    Files.move(parked, inside);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "link-swapper");
        try (HaskiApiServer on = start(settings(Optional.empty(), Optional.of(allowed), 32, 10_000, 60_000))) {
            swapper.start();
            int analysedInside = 0;
            for (int i = 0; i < 400; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(on, AnalysisApiHandler.FILE))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"dir/photo.png\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertNoJavaText(response.body());
                if (response.statusCode() == 200) {
                    assertThat(heads(JSON.readTree(response.body()))).isEqualTo(insideResult);
                    analysedInside++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
                }
            }
            assertThat(analysedInside).isPositive();
        } finally {
            swapping.set(false);
            swapper.join(10_000);
        }
    }

    @Test
    void aHardLinkInsideTheFolderIsTheUsersChoiceAndIsAnalysed() throws Exception {
        Path allowed = Files.createDirectories(work.resolve("hard/allowed"));
        Path outside = Files.copy(TestFiles.photo("skimage_coffee.png"),
                Files.createDirectories(work.resolve("hard/outside")).resolve("photo.png"));
        Files.createLink(allowed.resolve("linked.png"), outside);
        Files.createSymbolicLink(allowed.resolve("alias.png"), allowed.resolve("linked.png"));
        try (HaskiApiServer on = start(settings(Optional.empty(), Optional.of(allowed), 32, 10_000, 60_000))) {
            for (String name : List.of("linked.png", "alias.png")) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(on, AnalysisApiHandler.FILE))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"" + name + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(heads(JSON.readTree(response.body()))).isEqualTo(heads(analyzer.analyze(outside)));
            }
        }
    }

    static JsonNode heads(ai.haski.desktop.analysis.AnalysisOutcome outcome) throws Exception {
        return heads(JSON.readTree(ai.haski.desktop.analysis.ResultJson.toLine(outcome)));
    }

    static JsonNode heads(JsonNode result) {
        JsonNode copy = result.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("file", "timings_ms"));
        return copy;
    }

    // Finding 4: a full queue is answered 503 with Retry-After, before the body is read.

    @Test
    void aFullQueueIsAnswered503WithRetryAfterBeforeTheBodyIsReadAndEveryUploadGetsAnAnswer() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        AnalysisStep gated = (a, photo, region) -> {
            held.countDown();
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return a.analyze(photo);
        };
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, Optional.empty(), Optional.empty(),
                32 << 20, 1, 30_000, 2, 256, 10_000, 60_000);
        byte[] photo = NoisePhoto.png(2400, 2400);
        assertThat(photo.length).isGreaterThan(16 << 20);
        try (HaskiApiServer busy = HaskiApiServer.start(settings, ServedModel.of(analyzer), work.resolve("uploads"),
                gated)) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(client.sendAsync(uploadRequest(busy, "big-" + i + ".png", photo),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // One analysing (held at the gate) and two queued: the other seventeen are refused at once.
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
            List<HttpResponse<String>> refused = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (refused.size() < 17 && System.nanoTime() < deadline) {
                refused.clear();
                for (CompletableFuture<HttpResponse<String>> answer : answers) {
                    if (answer.isDone()) {
                        refused.add(answer.join());
                    }
                }
                Thread.sleep(20);
            }
            assertThat(refused).hasSize(17);
            for (HttpResponse<String> response : refused) {
                assertError(response, 503, "BUSY");
                assertThat(response.headers().firstValue("Retry-After")).hasValue(Exchange.RETRY_AFTER_SECONDS);
            }
            // Refused before its body is read: headers alone get the answer.
            try (RawClient early = new RawClient(busy.port())) {
                early.send(RawClient.postHead(AnalysisApiHandler.IMAGE, MULTIPART, photo.length));
                assertThat(early.readUntilClosed(5_000)).startsWith("HTTP/1.1 503").contains("Retry-After: ")
                        .doesNotContain("<still open>");
            }
            assertHealthy(busy);

            gate.countDown();

            int analysed = 0;
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
                analysed += response.statusCode() == 200 ? 1 : 0;
                assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
            }
            assertThat(analysed).isEqualTo(3);
            JsonNode counts = JSON.readTree(client.send(HttpRequest.newBuilder(uri(busy, AnalysisApiHandler.HEALTH))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get("counts");
            assertThat(counts.get("rejected").asLong()).isEqualTo(18);
        }
    }

    // Finding 5: malformed uploads are 400 with a stable code; slow headers; the upload folder.

    @Test
    void malformedUploadsAre400WithAStableCodeAndNoJavaText() throws Exception {
        try (HaskiApiServer on = start(settings(Optional.empty(), Optional.empty(), 32, 10_000, 60_000))) {
            HttpResponse<String> noBoundary = client.send(HttpRequest.newBuilder(uri(on, AnalysisApiHandler.IMAGE))
                    .header("Content-Type", "multipart/form-data")
                    .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\n--x--\r\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertError(noBoundary, 400, "BAD_MULTIPART");
            byte[] photo = Files.readAllBytes(TestFiles.photo("skimage_coffee.png"));
            for (String disposition : List.of("filename=\"/\"", "filename=\"..\"", "filename*=UTF-8''a%00b.png",
                    "filename*=UTF-8''a%0A2026-01-01%20INFO%20forged.png", "filename*=UTF-8''a%0Db.png")) {
                HttpResponse<String> refused = rawUpload(on, disposition, photo);
                assertThat(refused.body()).as(disposition).contains("BAD_FILE_NAME");
                assertError(refused, 400, "BAD_FILE_NAME");
            }
            HttpResponse<String> plain = rawUpload(on, "filename=\"C:\\\\photos\\\\coffee.png\"", photo);
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
            assertThat(JSON.readTree(plain.body()).get("file").asText()).isEqualTo("coffee.png");
            assertHealthy(on);
        }
    }

    private static HttpResponse<String> rawUpload(HaskiApiServer on, String disposition, byte[] content)
            throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; " + disposition
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII));
        return client.send(HttpRequest.newBuilder(uri(on, AnalysisApiHandler.IMAGE)).header("Content-Type", MULTIPART)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void headersTrickledSlowerThanTheHeaderDeadlineAreCutAndHealthGoesOn() throws Exception {
        try (HaskiApiServer on = start(settings(Optional.empty(), Optional.empty(), 32, 1_000, 60_000))) {
            List<RawClient> slowloris = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    slowloris.add(new RawClient(on.port()).send("GET /api/v1/analyze/health HTTP/1.1\r\nHost: x\r\nX-"));
                }
                assertHealthy(on);
                for (RawClient client : slowloris) {
                    assertThat(client.closedByServer(10_000)).isTrue();
                }
                assertHealthy(on);
            } finally {
                for (RawClient client : slowloris) {
                    client.close();
                }
            }
        }
    }

    @Test
    void anUploadFolderRemovedWhileServingComesBackPrivate() throws Exception {
        Path parent = work.resolve("cache-to-delete");
        try (HaskiApiServer on = HaskiApiServer.start(settings(Optional.empty(), Optional.empty(), 32, 10_000, 60_000),
                ServedModel.of(analyzer), parent)) {
            try (Stream<Path> files = Files.walk(parent)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            assertThat(upload(on, TestFiles.photo("skimage_coffee.png")).statusCode()).isEqualTo(200);
            try (Stream<Path> folders = Files.list(parent)) {
                Path folder = folders.findFirst().orElseThrow();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                        .isEqualTo("rwx------");
            }
        }
    }
}
