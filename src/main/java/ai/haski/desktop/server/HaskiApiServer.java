package ai.haski.desktop.server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import ai.haski.desktop.platform.DaemonThreads;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Haski API server (Jetty's core server, no servlets): loopback by default, bounded threads and
 * analyses, idle timeouts against stalled clients, and a graceful stop that lets requests in flight finish.
 */
public final class HaskiApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HaskiApiServer.class);
    /** How long a stop waits for requests in flight. */
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final Server server;
    private final ServerConnector connector;
    private final UploadFolder uploads;
    private final AnalysisApiHandler api;
    private final ScheduledExecutorService timer;

    private HaskiApiServer(Server server, ServerConnector connector, UploadFolder uploads, AnalysisApiHandler api,
            ScheduledExecutorService timer) {
        this.server = server;
        this.connector = connector;
        this.uploads = uploads;
        this.api = api;
        this.timer = timer;
    }

    /**
     * Starts listening.
     *
     * @param uploadParent where the private upload folder is made (the per-user cache)
     */
    public static HaskiApiServer start(ServerSettings settings, ServedModel model, Path uploadParent)
            throws Exception {
        return start(settings, model, uploadParent, AnalysisStep.ANALYSE);
    }

    static HaskiApiServer start(ServerSettings settings, ServedModel model, Path uploadParent, AnalysisStep step)
            throws Exception {
        PathPolicy paths = new PathPolicy(settings.allowedRoot());
        UploadFolder uploads = new UploadFolder(uploadParent);
        // Analyses run on their own pool and bodies are read without waiting, so Jetty's threads only parse,
        // route and write: a small pool is enough, and no client can hold one of its threads.
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("haski-api");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(InetAddress.getByName(settings.bindAddress()).getHostAddress());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeoutMillis());
        // Jetty reuses a connection's earlier header values when a new one matches ignoring case; for the token
        // that would let "Bearer ABC" pass as "Bearer abc". Header values are compared exactly.
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration()
                .setHeaderCacheCaseSensitive(true);
        // Connections beyond the limit wait in the system's queue rather than being refused by it.
        connector.setAcceptQueueSize(Math.min(settings.maxConnections(), 1024));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("haski-api-deadlines"));
        ConnectionGuard guard = new ConnectionGuard(timer, settings.headerDeadlineMillis());
        connector.addBean(guard);
        server.addConnector(connector);
        AnalysisApiHandler api = new AnalysisApiHandler(settings, model, paths, uploads, guard, timer, step);
        GracefulHandler graceful = new GracefulHandler(api);
        // While stopping, a request still sending its body gets the normal idle allowance, not Jetty's 1 s.
        graceful.setShutdownIdleTimeout(settings.idleTimeoutMillis());
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            api.shutdown();
            timer.shutdownNow();
            uploads.close();
            throw e;
        }
        LOG.info("Haski API listening on {}:{}", settings.bindAddress(), connector.getLocalPort());
        return new HaskiApiServer(server, connector, uploads, api, timer);
    }

    /** The port actually bound (useful when 0 asked for any free one). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Requests answered so far. */
    public long requestsServed() {
        return api.stats().requests.get();
    }

    /** Stops accepting, lets requests in flight finish (up to 30 s), then removes the upload folder. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The API server did not stop cleanly: {}", e.getMessage());
        } finally {
            api.shutdown();
            timer.shutdownNow();
            uploads.close();
        }
    }

    static boolean isLoopback(String bindAddress) throws IOException {
        return InetAddress.getByName(bindAddress).isLoopbackAddress();
    }
}
