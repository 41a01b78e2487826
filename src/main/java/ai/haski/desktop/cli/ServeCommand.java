package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelRequest;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.platform.AppPaths;
import ai.haski.desktop.server.HaskiApiServer;
import ai.haski.desktop.server.ServedModel;
import ai.haski.desktop.server.ServerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Serves the Haski analysis API on this machine, over the same engine as {@code analyze}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Haski analysis API over HTTP (loopback only unless --bind says otherwise).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--port", defaultValue = "8000", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any non-loopback address needs --token-file.")
    String bind;

    @Option(names = "--model", paramLabel = "ID", description = "Model package id (default: the first usable one).")
    String modelId;

    @Option(names = "--backend", paramLabel = "onnx|tflite", description = "Use exactly this format, no fallback.")
    String backend;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Require 'Authorization: Bearer <token>', the token being this file's first line.")
    Path tokenFile;

    @Option(names = "--max-upload-mb", defaultValue = "25", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    int maxUploadMb;

    @Option(names = "--allow-paths", paramLabel = "DIR",
            description = "Enable /api/v1/analyze/file for files inside DIR only (default: disabled).")
    Path allowPaths;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "Analyses run at once (default: the number of cores); more requests wait.")
    Integer maxConcurrent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // A server logs each request (method, path, status, time; never content) unless asked to be quiet.
        common.configureLogging(true);
        PrintWriter err = spec.commandLine().getErr();
        Optional<ModelFormat> forced;
        Optional<String> token;
        try {
            forced = CliArguments.backend(backend);
            token = readToken();
            if (tokenFile != null) {
                ai.haski.desktop.server.TokenFilePermissions.warning(tokenFile).ifPresent(w -> err.println("warning: " + w));
            }
            if (!InetAddress.getByName(bind).isLoopbackAddress() && token.isEmpty()) {
                throw new IllegalArgumentException("--bind " + bind + " reaches beyond this machine; give "
                        + "--token-file FILE so that only holders of the token can send photos");
            }
            if (maxUploadMb < 1 || maxUploadMb > 1024) {
                throw new IllegalArgumentException("--max-upload-mb must be between 1 and 1024");
            }
            if (allowPaths != null && !Files.isDirectory(allowPaths)) {
                throw new IllegalArgumentException("--allow-paths " + allowPaths + " is not a folder");
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        ThreadBudget budget = ThreadBudget.perRequest(maxConcurrent == null ? ThreadBudget.cores() : maxConcurrent);
        Engine engine = Engine.create(AppPaths.current(), common.modelDirs);
        Analyzer analyzer = null;
        ServedModel served;
        try {
            analyzer = engine.open(ModelRequest.defaultModel().withModel(Optional.ofNullable(modelId)).forcing(forced)
                    .withImageLimits(common.imageLimits()).withThreads(budget));
            served = ServedModel.of(analyzer);
        } catch (NoUsableModelException | ModelUnavailableException e) {
            // Serve anyway: clients get 503 with this reason instead of a refused connection.
            err.println("warning: no usable model, every analysis will answer 503: " + e.getMessage());
            served = ServedModel.unavailable(e.getMessage());
        }
        ServerSettings settings = new ServerSettings(bind, port, token, Optional.ofNullable(allowPaths),
                maxUploadMb * 1024L * 1024L, budget.photosAtOnce(), 30_000);
        HaskiApiServer server = HaskiApiServer.start(settings, served, AppPaths.current().cacheDir().resolve("serve"));
        CountDownLatch stopped = new CountDownLatch(1);
        Analyzer open = analyzer;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("Stopping: finishing requests in flight...");
            err.flush();
            server.close();
            if (open != null) {
                open.close();
            }
            stopped.countDown();
        }, "haski-serve-stop"));
        err.printf("Haski API on http://%s:%d/api/v1/analyze/ (model: %s). Ctrl+C stops.%n", bind, server.port(),
                open == null ? "none" : open.model().describe());
        err.flush();
        stopped.await();
        return HaskiCommand.OK;
    }

    private Optional<String> readToken() throws IOException {
        if (tokenFile == null) {
            return Optional.empty();
        }
        String token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        if (token.length() < 16) {
            throw new IllegalArgumentException("the token in " + tokenFile + " is shorter than 16 characters; "
                    + "use a long random one, e.g. `openssl rand -hex 32 > " + tokenFile + "`");
        }
        return Optional.of(token);
    }
}
