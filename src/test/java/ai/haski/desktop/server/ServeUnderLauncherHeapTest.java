package ai.haski.desktop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings 2 and 4 against a server held to the packaged launcher's heap ({@code -Xmx512m}, as
 * packaging/jpackage/app-image.options gives it), in a child JVM: an unbounded chunked body to the switched-off
 * {@code /file}, and 200 concurrent 16 MB uploads with the analyses held at a gate, so that the queue is full by
 * construction. Every request must get an HTTP answer, and the server no OutOfMemoryError.
 */
class ServeUnderLauncherHeapTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void anUnboundedBodyAnd200ConcurrentUploadsAreAllAnsweredWithin512Mb() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        for (String property : List.of("haski.repo", "haski.photos", "haski.data.dir", "haski.cache.dir",
                "java.awt.headless")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of(GatedServeMain.class.getName(), "2", "8", work.resolve("uploads").toString()));
        Path log = work.resolve("server.log");
        Process server = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(log.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("server said %s; log:%n%s", first, Files.exists(log) ? Files.readString(log) : "")
                    .startsWith("PORT ");
            int port = Integer.parseInt(first.substring(5).trim());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

            String disabled = RawClient.postChunkedReadingTheAnswer(port, AnalysisApiHandler.FILE, "application/json",
                    "{\"path\": \"".getBytes(StandardCharsets.US_ASCII), 148L << 20);
            assertThat(disabled).startsWith("HTTP/1.1 403");

            byte[] photo = NoisePhoto.png(2400, 2400);
            MultipartBody body = new MultipartBody("file", "big.png", photo);
            String head = RawClient.postHead(AnalysisApiHandler.IMAGE, body.contentType(), body.bytes.length);
            // Raw sockets, one thread each, sharing the one body: 200 HttpClient exchanges of 16 MB would need
            // more heap on this side than the server is allowed.
            ExecutorService senders = Executors.newFixedThreadPool(200);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(senders.submit(() -> {
                    try (RawClient raw = new RawClient(port)) {
                        raw.send(head).send(body.bytes);
                        return raw.readUntilClosed(180_000);
                    }
                }));
            }
            try {
                // Two analysing at the gate and eight queued: the other 190 must be answered while the gate holds.
                int refused = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                while (refused < 190 && System.nanoTime() < deadline) {
                    refused = (int) answers.stream().filter(Future::isDone).count();
                    Thread.sleep(100);
                }
                assertThat(refused).isEqualTo(190);
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri(port, AnalysisApiHandler.HEALTH))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                try (OutputStream control = server.getOutputStream()) {
                    control.write("release\n".getBytes(StandardCharsets.US_ASCII));
                    control.flush();
                    int analysed = 0;
                    int busy = 0;
                    for (Future<String> answer : answers) {
                        String response = answer.get(180, TimeUnit.SECONDS);
                        if (response.startsWith("HTTP/1.1 200")) {
                            analysed++;
                        } else {
                            assertThat(response).startsWith("HTTP/1.1 503").contains("\"BUSY\"")
                                    .contains("Retry-After: ");
                            busy++;
                        }
                    }
                    assertThat(analysed).isEqualTo(10);
                    assertThat(busy).isEqualTo(190);
                }
            } finally {
                senders.shutdownNow();
            }
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String serverLog = Files.readString(log);
            assertThat(serverLog).doesNotContain("OutOfMemoryError");
            assertThat(serverLog.lines().filter(line -> line.contains("Refused POST /api/v1/analyze/image -> 503 BUSY"))
                    .count()).isEqualTo(190);
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
