package ai.haski.desktop.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 made of Spark's own {@code Master} and {@code Worker} classes, each in a
 * process of its own, with no Spark installation: its "installation" is a folder of links to the jars that only
 * Spark brings (target/spark-provided-classpath.txt, written by the build) plus Jackson and the logging jars the
 * job jar leaves to the cluster. Executors therefore get the engine from the job jar alone.
 */
final class LoopbackCluster implements AutoCloseable {
    /** The libraries the job jar does not shade because a Spark installation has them. */
    private static final Pattern CLUSTER_PROVIDED = Pattern.compile("(jackson-|slf4j-api|logback-).*\\.jar");

    private final Path home;
    private final Path logs;
    private final Process master;
    private final int masterPort;
    private final List<Process> workers = new ArrayList<>();

    private LoopbackCluster(Path home, Path logs, Process master, int masterPort) {
        this.home = home;
        this.logs = logs;
        this.master = master;
        this.masterPort = masterPort;
    }

    /** Starts the master; {@link #startWorker} adds workers. */
    static LoopbackCluster start(Path work) throws IOException {
        Path home = Files.createDirectories(work.resolve("spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        Path repo = Path.of(System.getProperty("haski.repo", "."));
        List<String> entries = new ArrayList<>(Arrays.asList(
                Files.readString(repo.resolve("target/spark-provided-classpath.txt")).strip().split(":")));
        for (String entry : System.getProperty("java.class.path").split(":")) {
            if (CLUSTER_PROVIDED.matcher(Path.of(entry).getFileName().toString()).matches()) {
                entries.add(entry);
            }
        }
        for (String entry : entries) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        Path logs = Files.createDirectories(work.resolve("cluster-logs"));
        int port = freePort();
        Process master = launch(home, logs.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        return new LoopbackCluster(home, logs, master, port);
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Starts a worker with {@code cores} cores; it registers with the master by itself. */
    Process startWorker(int cores) throws IOException {
        int number = workers.size() + 1;
        Path workDir = Files.createDirectories(home.resolve("work-" + number));
        Process worker = launch(home, logs.resolve("worker-" + number + ".log"),
                "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", String.valueOf(cores),
                "--memory", "1g", "--work-dir", workDir.toString(), "--webui-port", String.valueOf(freePort()),
                masterUrl());
        workers.add(worker);
        return worker;
    }

    /** Kills a worker and the executors it started, at once, as a machine lost from a cluster. */
    static void kill(Process worker) throws InterruptedException {
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        worker.waitFor(1, TimeUnit.MINUTES);
    }

    private static Process launch(Path home, Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(sparkJvmOptions());
        command.add("-Dlogback.configurationFile=" + logConfig());
        command.add("-cp");
        command.add(home.resolve("jars").toString() + "/*");
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOG_DIR", home.resolve("logs").toString());
        // Spark's launcher guesses its Scala version from a source build's folders; this "installation" has none.
        env.put("SPARK_SCALA_VERSION", "2.13");
        return builder.start();
    }

    /** The --add-opens flags this JVM got from the build (pom.xml's spark.jvm.options): Spark 4 needs them. */
    static List<String> sparkJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty"))
                .toList();
    }

    /** The job's warnings-only logging configuration, for the cluster's JVMs. */
    static String logConfig() {
        return Path.of(System.getProperty("haski.repo", ".")).resolve("packaging/spark/logback.xml").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process worker : workers) {
            kill(worker);
        }
        master.destroy();
        if (!master.waitFor(30, TimeUnit.SECONDS)) {
            master.destroyForcibly();
        }
    }
}
