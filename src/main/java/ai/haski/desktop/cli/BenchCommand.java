package ai.haski.desktop.cli;

import ai.haski.desktop.analysis.Engine;
import ai.haski.desktop.analysis.ModelUnavailableException;
import ai.haski.desktop.analysis.NoUsableModelException;
import ai.haski.desktop.analysis.ThreadBudget;
import ai.haski.desktop.bench.BenchReportFormat;
import ai.haski.desktop.bench.BenchResults;
import ai.haski.desktop.bench.BenchRunner;
import ai.haski.desktop.bench.GeneratedPhotos;
import ai.haski.desktop.bench.PeakMemory;
import ai.haski.desktop.image.ImageFileScanner;
import ai.haski.desktop.model.ModelFormat;
import ai.haski.desktop.model.ModelPackage;
import ai.haski.desktop.model.RuntimeStatus;
import ai.haski.desktop.platform.AppPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Measures the analysis path stage by stage, single-photo latency and folder throughput, per runtime. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the same path as analyze: per-stage latency (median, p95), throughput with 1 and N "
                + "threads, model load time and peak memory; on a folder, or on generated 1, 3 and 12 MP JPEGs.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", paramLabel = "ID", description = "Model package id (default: the first usable one).")
    String modelId;

    @Option(names = "--backend", paramLabel = "onnx|tflite|all", defaultValue = "all",
            description = "Which formats of the model to measure (default: ${DEFAULT-VALUE} it has).")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for the throughput run (default: cores).")
    Integer threads;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
            description = "Times each photo is timed single-threaded (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--model-only", description = "Measure the model's own path only: decode, preprocessing and "
            + "inference, without the photo quality check and the face stage every analysis runs. For comparing "
            + "like with like against a pipeline that lacks them (docs/run-peer-comparison.sh).")
    boolean modelOnly;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "A folder of photos (default: generated ones).")
    Path folder;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        common.configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int cores = ThreadBudget.cores();
        int workers = threads == null ? cores : threads;
        if (workers < 1 || workers > 256 || repeat < 1 || repeat > 1000) {
            err.println("error: --threads must be 1-256 and --repeat 1-1000");
            return HaskiCommand.USAGE;
        }
        List<ModelFormat> formats;
        if (backend.equals("all")) {
            formats = List.of(ModelFormat.values());
        } else {
            try {
                formats = List.of(CliArguments.backend(backend).orElseThrow());
            } catch (IllegalArgumentException e) {
                err.println("error: --backend must be onnx, tflite or all, found \"" + backend + "\"");
                return HaskiCommand.USAGE;
            }
        }
        AppPaths paths = AppPaths.current();
        Engine engine = Engine.create(paths, common.modelDirs);
        ModelPackage pkg;
        try {
            pkg = engine.choose(Optional.ofNullable(modelId));
        } catch (NoUsableModelException e) {
            err.println("error: " + e.getMessage());
            return HaskiCommand.USAGE;
        }
        Path generatedFolder = null;
        List<BenchRunner.LatencySet> latencySets = new ArrayList<>();
        List<Path> throughputFiles = new ArrayList<>();
        String input;
        if (folder == null) {
            generatedFolder = Files.createTempDirectory(Files.createDirectories(paths.cacheDir()), "bench-");
            List<Path> generated = GeneratedPhotos.write(generatedFolder);
            String[] labels = {"1 MP", "3 MP", "12 MP"};
            for (int i = 0; i < generated.size(); i++) {
                latencySets.add(new BenchRunner.LatencySet(labels[i], List.of(generated.get(i))));
            }
            for (int i = 0; i < repeat * 2; i++) {
                throughputFiles.addAll(generated);
            }
            input = "generated JPEGs of 1, 3 and 12 MP (throughput: " + throughputFiles.size() + " photos)";
        } else {
            if (!Files.isDirectory(folder)) {
                err.println("error: " + folder + " is not a folder");
                return HaskiCommand.USAGE;
            }
            throughputFiles.addAll(ImageFileScanner.scan(List.of(folder)).images());
            if (throughputFiles.isEmpty()) {
                err.println("error: no image files in " + folder);
                return HaskiCommand.USAGE;
            }
            latencySets.add(new BenchRunner.LatencySet("every photo", throughputFiles));
            latencySets.addAll(BenchRunner.byKind(throughputFiles));
            input = folder + " (" + throughputFiles.size() + " photos)";
        }
        try {
            // On stderr with the progress lines, so that --json output stays one object.
            err.println("JPEG decoder: " + engine.jpegDecoder());
            BenchRunner runner = new BenchRunner(engine, common.imageLimits(), modelOnly);
            List<BenchResults.BackendResult> results = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<String> runtimes = new ArrayList<>();
            for (ModelFormat format : formats) {
                RuntimeStatus status = engine.runtime(format);
                runtimes.add(status.describe() + (status.isAvailable() ? "" : " (unavailable)"));
                if (!pkg.manifest().weights().containsKey(format)) {
                    skipped.add(format.id() + ": " + pkg.id() + " has no " + format.id() + " weights");
                    continue;
                }
                err.println("Measuring " + pkg.id() + " as " + format.id() + "...");
                err.flush();
                try {
                    results.add(runner.run(pkg, format, latencySets, throughputFiles, repeat, workers));
                } catch (NoUsableModelException | ModelUnavailableException e) {
                    skipped.add(format.id() + ": " + e.getMessage());
                }
            }
            BenchResults.Report report = new BenchResults.Report(machine(cores), runtimes, input, modelOnly, repeat, results,
                    skipped, PeakMemory.residentBytes().orElse(0), PeakMemory.heapBytes());
            out.print(json ? BenchReportFormat.json(report) + "\n" : BenchReportFormat.text(report));
            out.flush();
            return results.isEmpty() ? HaskiCommand.USAGE : HaskiCommand.OK;
        } finally {
            if (generatedFolder != null) {
                deleteTree(generatedFolder);
            }
        }
    }

    private static BenchResults.Machine machine(int cores) {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // Not Linux: the CPU model is left unknown.
        }
        return new BenchResults.Machine(cores, System.getProperty("os.name"), System.getProperty("os.arch"), cpu,
                System.getProperty("java.version"));
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
