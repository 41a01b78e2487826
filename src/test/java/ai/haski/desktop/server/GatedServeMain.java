package ai.haski.desktop.server;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.ActiveModel;
import ai.haski.desktop.inference.SharedEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The API server in a JVM of its own, so that a test can hold it to the packaged launcher's heap: analyses wait at
 * a gate until stdin says {@code release}; the port is printed as {@code PORT n}. Arguments: slots, queue,
 * upload folder.
 */
public final class GatedServeMain {
    private GatedServeMain() {}

    public static void main(String[] args) throws Exception {
        int slots = Integer.parseInt(args[0]);
        int queue = Integer.parseInt(args[1]);
        CountDownLatch gate = new CountDownLatch(1);
        AnalysisStep gated = (analyzer, photo, region) -> {
            try {
                gate.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return analyzer.analyze(photo);
        };
        try (ActiveModel model = SharedEngine.loader().load(SharedEngine.reference(), List.of(), 1)) {
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, Optional.empty(), Optional.empty(),
                    25L << 20, slots, 30_000, queue, 256, 10_000, 120_000);
            try (HaskiApiServer server = HaskiApiServer.start(settings,
                    ServedModel.of(TestAnalyzers.over(model, new ImageLoader())), Path.of(args[2]), gated)) {
                System.out.println("PORT " + server.port());
                System.out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("release")) {
                        gate.countDown();
                    }
                }
            }
        }
    }
}
