package ai.haski.desktop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spark is {@code provided}: the app's jar and target/lib/ (the app-image's input, see packaging/build.sh) carry
 * none of it, while the job jar carries the engine but not Spark.
 */
class AppLibrariesIT {
    private static final String SPARK_JAR = "(spark-|hadoop-|scala-|parquet-|log4j-).*\\.jar";

    @Test
    void theAppsLibrariesHoldNoSpark() throws IOException {
        Path target = TestFiles.repo().resolve("target");
        try (Stream<Path> lib = Files.list(target.resolve("lib"))) {
            List<String> names = lib.map(p -> p.getFileName().toString()).toList();
            assertThat(names).isNotEmpty().noneMatch(name -> name.matches(SPARK_JAR));
        }
        try (JarFile app = new JarFile(target.resolve("haski-desktop.jar").toFile())) {
            String classPath = app.getManifest().getMainAttributes().getValue("Class-Path");
            assertThat(classPath.split(" ")).isNotEmpty()
                    .noneMatch(entry -> Path.of(entry).getFileName().toString().matches(SPARK_JAR));
        }
    }

    @Test
    void theJobJarHoldsTheEngineAndNotSpark() throws IOException {
        try (JarFile job = new JarFile(TestFiles.repo().resolve("target/haski-spark-job.jar").toFile())) {
            assertThat(job.getEntry("ai/haski/desktop/spark/HaskiSparkJob.class")).isNotNull();
            assertThat(job.getEntry("ai/onnxruntime/OrtEnvironment.class")).isNotNull();
            assertThat(job.getEntry("org/apache/spark/SparkContext.class")).isNull();
            assertThat(job.getEntry("org/apache/hadoop/fs/FileSystem.class")).isNull();
            assertThat(job.getEntry("javafx/application/Application.class")).isNull();
            assertThat(job.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("ai.haski.desktop.spark.HaskiSparkJob");
        }
    }
}
