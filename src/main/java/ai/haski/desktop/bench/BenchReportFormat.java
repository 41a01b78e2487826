package ai.haski.desktop.bench;

import ai.haski.desktop.bench.BenchResults.BackendResult;
import ai.haski.desktop.bench.BenchResults.ExplainLatency;
import ai.haski.desktop.bench.BenchResults.LatencyGroup;
import ai.haski.desktop.bench.BenchResults.Report;
import ai.haski.desktop.bench.BenchResults.Throughput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Renders a bench report as a table for people or as one JSON object for scripts. */
public final class BenchReportFormat {
    private static final String[] STAGES = {"decode", "orient_convert", "resize_normalise", "inference",
            "postprocess", "faces", "total", "quality"};

    private BenchReportFormat() {}

    /** The report as text tables. */
    public static String text(Report report) {
        StringBuilder out = new StringBuilder();
        var m = report.machine();
        out.append(String.format(Locale.ROOT, "Machine: %d cores, %s %s, %s, Java %s%n", m.cores(), m.os(), m.arch(),
                m.cpu(), m.java()));
        out.append("Runtimes: ").append(String.join(", ", report.runtimes())).append('\n');
        out.append("Input: ").append(report.input()).append(", each timed ").append(report.repeat())
                .append(" times after a warm-up\n");
        out.append("Stages: ").append(report.modelOnly()
                ? "the model's own path only (--model-only: decode, preprocessing, inference; no photo quality check, "
                        + "no face stage)"
                : "every stage of analyze (decode, preprocessing, photo quality, inference, faces)").append('\n');
        for (BackendResult result : report.results()) {
            out.append(String.format(Locale.ROOT, "%n%s %s, %s on %s %s: model load %.0f ms (includes the test vector)%n",
                    result.modelId(), result.modelVersion(), result.format(), result.runtime(),
                    result.runtimeVersion(), result.loadMs()));
            out.append(String.format(Locale.ROOT, "  %-26s %5s  %-13s %-15s %-17s %-13s %-13s %-13s %-13s %-13s%n",
                    "single photo, ms", "runs", "decode", "orient+convert", "resize+normalise", "quality",
                    "inference", "postprocess", "faces", "total"));
            out.append(String.format(Locale.ROOT, "  %-26s %5s  %-13s %-15s %-17s %-13s %-13s %-13s %-13s %-13s%n", "",
                    "", "median/p95", "median/p95", "median/p95", "median/p95", "median/p95", "median/p95",
                    "median/p95", "median/p95"));
            for (LatencyGroup group : result.latency()) {
                StageStats s = group.stages();
                String label = group.width() > 0
                        ? group.label() + " " + group.width() + "x" + group.height() : group.label();
                out.append(String.format(Locale.ROOT, "  %-26s %5d  %-13s %-15s %-17s %-13s %-13s %-13s %-13s %-13s%s%n",
                        label, group.runs(), pair(s.decode()), pair(s.orientConvert()), pair(s.preprocess()),
                        pair(s.quality()), pair(s.inference()), pair(s.postprocess()), pair(s.faces()),
                        pair(s.total()),
                        group.failures() > 0 ? "  (" + group.failures() + " failed)" : ""));
            }
            Throughput one = result.throughput().get(0);
            for (Throughput t : result.throughput()) {
                out.append(String.format(Locale.ROOT, "  throughput, %d thread%s: %.2f photos/s (%d photos in %.2f s%s)%s%n",
                        t.threads(), t.threads() == 1 ? "" : "s", t.imagesPerSecond(), t.images(), t.seconds(),
                        t.failures() > 0 ? ", " + t.failures() + " failed" : "",
                        t == one ? "" : String.format(Locale.ROOT, ", %.2fx one thread",
                                t.imagesPerSecond() / one.imagesPerSecond())));
            }
            ExplainLatency e = result.explain();
            if (e != null) {
                out.append(String.format(Locale.ROOT, "  explain, 1 thread: %s %dx%d, grid %dx%d (%d occluded runs), "
                                + "median/p95 %s ms, of which occluded runs %s ms%s%n", e.photo(), e.width(),
                        e.height(), e.rows(), e.cols(), e.occludedRuns(), pair(e.total()), pair(e.occlusion()),
                        e.failures() > 0 ? "  (" + e.failures() + " failed)" : ""));
            }
        }
        report.skipped().forEach(s -> out.append("\nskipped: ").append(s).append('\n'));
        out.append(String.format(Locale.ROOT, "%nPeak memory: resident %s, Java heap %.0f MB%n",
                report.peakResidentBytes() > 0 ? String.format(Locale.ROOT, "%.0f MB", report.peakResidentBytes() / 1e6)
                        : "not reported by this OS", report.peakHeapBytes() / 1e6));
        return out.toString();
    }

    private static String pair(Distribution d) {
        return String.format(Locale.ROOT, "%.1f/%.1f", d.median(), d.p95());
    }

    /** The report as one JSON object. */
    public static String json(Report report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        var m = report.machine();
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", m.cores());
        machine.put("os", m.os());
        machine.put("arch", m.arch());
        machine.put("cpu", m.cpu());
        machine.put("java", m.java());
        ArrayNode runtimes = root.putArray("runtimes");
        report.runtimes().forEach(runtimes::add);
        root.put("input", report.input());
        root.put("stages", report.modelOnly() ? "model_only" : "all");
        root.put("repeat", report.repeat());
        ArrayNode results = root.putArray("results");
        for (BackendResult result : report.results()) {
            ObjectNode r = results.addObject();
            r.put("model_id", result.modelId());
            r.put("model_version", result.modelVersion());
            r.put("format", result.format());
            r.put("runtime", result.runtime());
            r.put("runtime_version", result.runtimeVersion());
            r.put("model_load_ms", result.loadMs());
            ArrayNode latency = r.putArray("latency");
            for (LatencyGroup group : result.latency()) {
                ObjectNode g = latency.addObject();
                g.put("label", group.label());
                g.put("width", group.width());
                g.put("height", group.height());
                g.put("runs", group.runs());
                g.put("failures", group.failures());
                ObjectNode stages = g.putObject("stages_ms");
                Distribution[] values = {group.stages().decode(), group.stages().orientConvert(),
                        group.stages().preprocess(), group.stages().inference(), group.stages().postprocess(),
                        group.stages().faces(), group.stages().total(), group.stages().quality()};
                for (int i = 0; i < STAGES.length; i++) {
                    ObjectNode stage = stages.putObject(STAGES[i]);
                    stage.put("median", values[i].median());
                    stage.put("p95", values[i].p95());
                }
            }
            ArrayNode throughput = r.putArray("throughput");
            for (Throughput t : result.throughput()) {
                ObjectNode n = throughput.addObject();
                n.put("threads", t.threads());
                n.put("images", t.images());
                n.put("failures", t.failures());
                n.put("seconds", t.seconds());
                n.put("images_per_second", t.imagesPerSecond());
            }
            ExplainLatency e = result.explain();
            if (e == null) {
                r.putNull("explain");
            } else {
                ObjectNode explain = r.putObject("explain");
                explain.put("photo", e.photo());
                explain.put("width", e.width());
                explain.put("height", e.height());
                explain.put("rows", e.rows());
                explain.put("cols", e.cols());
                explain.put("occluded_runs", e.occludedRuns());
                explain.put("threads", 1);
                explain.put("failures", e.failures());
                explain.putObject("total_ms").put("median", e.total().median()).put("p95", e.total().p95());
                explain.putObject("occlusion_ms").put("median", e.occlusion().median()).put("p95", e.occlusion().p95());
            }
        }
        ArrayNode skipped = root.putArray("skipped");
        report.skipped().forEach(skipped::add);
        ObjectNode memory = root.putObject("peak_memory");
        memory.put("resident_bytes", report.peakResidentBytes());
        memory.put("heap_bytes", report.peakHeapBytes());
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
