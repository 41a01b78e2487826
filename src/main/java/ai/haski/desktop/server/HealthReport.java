package ai.haski.desktop.server;

import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.ModelFacts;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.platform.AppVersion;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The health answer: whether analyses can be served, with which model and runtime, and what was served. */
final class HealthReport {
    private final ServedModel model;
    private final ServerStats stats;
    private final PathPolicy paths;

    HealthReport(ServedModel model, ServerStats stats, PathPolicy paths) {
        this.model = model;
        this.stats = stats;
        this.paths = paths;
    }

    ObjectNode toJson() {
        ObjectNode json = JsonBodies.MAPPER.createObjectNode();
        json.put("status", model.analyzer().isPresent() ? "ok" : "no_model");
        json.put("app_version", AppVersion.get());
        if (model.analyzer().isPresent()) {
            Analyzer analyzer = model.analyzer().get();
            Provenance p = analyzer.provenance();
            ModelFacts active = analyzer.model();
            ObjectNode m = json.putObject("model");
            m.put("id", p.modelId());
            m.put("name", p.modelName());
            m.put("version", p.modelVersion());
            m.put("sha256", p.modelSha256());
            m.put("format", p.format());
            m.put("clinical_use", p.clinicalUse());
            ObjectNode runtime = json.putObject("runtime");
            runtime.put("name", p.runtime());
            runtime.put("version", p.runtimeVersion());
            ObjectNode check = json.putObject("self_check");
            // The model was proven by its test vector when it was loaded; a model that fails is never served.
            check.put("state", "passed");
            check.put("max_deviation", active.testVectorDeviation());
            check.put("tolerance", active.manifest().testVector().tolerance());
        } else {
            ObjectNode check = json.putObject("self_check");
            check.put("state", "failed");
            check.put("reason", model.unavailableReason().orElse("unknown"));
        }
        json.put("uptime_s", stats.uptime().toSeconds());
        json.put("paths_endpoint", paths.enabled() ? "enabled" : "disabled");
        ObjectNode counts = json.putObject("counts");
        counts.put("requests", stats.requests.get());
        counts.put("analysed", stats.analysed.get());
        counts.put("failed", stats.failed.get());
        counts.put("rejected", stats.rejected.get());
        return json;
    }
}
