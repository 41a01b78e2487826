package ai.haski.desktop.session.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The statistics worked out again, for the cross-check, straight from a session's JSON export and a truth map, with
 * loops over plain arrays and the textbook formulas in their other algebraic forms. It shares no code with the
 * product: a mistake would have to be made twice, in two different ways, to go unseen.
 */
final class IndependentMetrics {
    static final double Z = 1.959963984540054;

    /** One head's numbers; a null Double is "undefined". */
    static final class Head {
        List<String> labels = new ArrayList<>();
        int n;
        Double accuracy;
        double[] ci;
        Double macroF1;
        Double kappa;
        Double ece;
        long[][] confusion;
        Map<String, Double[]> perClass = new LinkedHashMap<>();
        long[] binCount = new long[15];
        Double[] binAccuracy = new Double[15];
        Double[] binConfidence = new Double[15];
        List<String> withoutResult = new ArrayList<>();
    }

    private IndependentMetrics() {}

    static Head head(JsonNode export, Map<String, Map<String, String>> truth, String sha256, String head) {
        Head out = new Head();
        List<String> t = new ArrayList<>();
        List<String> p = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (JsonNode photo : export.get("photos")) {
            String file = photo.get("file").asText();
            JsonNode result = null;
            for (JsonNode r : photo.get("results")) {
                if (r.get("model_sha256").asText().equals(sha256)) {
                    result = r;
                }
            }
            if (result != null && !result.has("error") && out.labels.isEmpty()) {
                Iterator<String> names = result.get("probabilities").get(head).fieldNames();
                names.forEachRemaining(out.labels::add);
            }
            String truthLabel = truth.containsKey(file) ? truth.get(file).get(head) : null;
            if (truthLabel == null) {
                continue;
            }
            if (result == null || result.has("error")) {
                out.withoutResult.add(file);
                continue;
            }
            t.add(truthLabel);
            p.add(result.get(head).asText());
            // The export writes the stored float; read it back as that float.
            c.add((double) Float.parseFloat(result.get("confidence_scores").get(head).asText()));
        }
        int k = out.labels.size();
        out.n = t.size();
        out.confusion = new long[k][k];
        int right = 0;
        for (int i = 0; i < out.n; i++) {
            out.confusion[out.labels.indexOf(t.get(i))][out.labels.indexOf(p.get(i))]++;
            if (t.get(i).equals(p.get(i))) {
                right++;
            }
        }
        if (out.n > 0) {
            out.accuracy = (double) right / out.n;
            double z2 = Z * Z;
            double root = Z * Math.sqrt((double) right * (out.n - right) / out.n + z2 / 4);
            out.ci = new double[] {Math.max(0, (right + z2 / 2 - root) / (out.n + z2)),
                Math.min(1, (right + z2 / 2 + root) / (out.n + z2))};
        }
        double f1Sum = 0;
        int occurring = 0;
        for (int j = 0; j < k; j++) {
            long tp = out.confusion[j][j];
            long inTruth = 0;
            long inPredictions = 0;
            for (int i = 0; i < k; i++) {
                inTruth += out.confusion[j][i];
                inPredictions += out.confusion[i][j];
            }
            Double precision = inPredictions == 0 ? null : (double) tp / inPredictions;
            Double recall = inTruth == 0 ? null : (double) tp / inTruth;
            Double f1;
            if (inTruth == 0 && inPredictions == 0) {
                f1 = null;
            } else {
                double pr = precision == null ? 0 : precision;
                double re = recall == null ? 0 : recall;
                f1 = pr + re == 0 ? 0.0 : 2 * pr * re / (pr + re);
                f1Sum += f1;
                occurring++;
            }
            out.perClass.put(out.labels.get(j), new Double[] {precision, recall, f1, (double) inTruth});
        }
        out.macroF1 = occurring == 0 ? null : f1Sum / occurring;
        if (out.n > 0) {
            double observed = (double) right / out.n;
            double chance = 0;
            for (String label : out.labels) {
                double a = t.stream().filter(label::equals).count() / (double) out.n;
                double b = p.stream().filter(label::equals).count() / (double) out.n;
                chance += a * b;
            }
            out.kappa = Math.abs(1 - chance) < 1e-15 ? null : (observed - chance) / (1 - chance);
        }
        double ece = 0;
        for (int m = 0; m < 15; m++) {
            double lo = m / 15.0;
            double hi = (m + 1) / 15.0;
            int count = 0;
            int hits = 0;
            double confidence = 0;
            for (int i = 0; i < out.n; i++) {
                double x = c.get(i);
                boolean inside = (m == 0 ? x >= lo : x > lo) && x <= hi;
                if (inside) {
                    count++;
                    confidence += x;
                    hits += t.get(i).equals(p.get(i)) ? 1 : 0;
                }
            }
            out.binCount[m] = count;
            if (count > 0) {
                out.binAccuracy[m] = (double) hits / count;
                out.binConfidence[m] = confidence / count;
                ece += count * Math.abs(out.binAccuracy[m] - out.binConfidence[m]) / out.n;
            }
        }
        out.ece = out.n == 0 ? null : ece;
        return out;
    }

    /** Reviewer agreement on one head, from the export's verdict history: Cohen (two reviewers) or Fleiss. */
    static Double agreement(JsonNode export, String head) {
        List<Map<String, String>> photos = new ArrayList<>();
        TreeSet<String> reviewers = new TreeSet<>();
        TreeSet<String> labels = new TreeSet<>();
        for (JsonNode photo : export.get("photos")) {
            Map<String, String> latest = new LinkedHashMap<>();
            for (JsonNode verdict : photo.get("review").get("history").get("verdicts")) {
                if (verdict.get("head").asText().equals(head)) {
                    latest.put(verdict.get("reviewer").asText(), verdict.get("label").asText());
                }
            }
            reviewers.addAll(latest.keySet());
            labels.addAll(latest.values());
            if (latest.size() >= 2) {
                photos.add(latest);
            }
        }
        List<String> l = new ArrayList<>(labels);
        if (reviewers.size() == 2) {
            String first = reviewers.first();
            String second = reviewers.last();
            double n = photos.size();
            double agree = 0;
            double chance = 0;
            for (Map<String, String> photo : photos) {
                agree += photo.get(first).equals(photo.get(second)) ? 1 : 0;
            }
            for (String label : l) {
                double a = photos.stream().filter(ph -> ph.get(first).equals(label)).count() / n;
                double b = photos.stream().filter(ph -> ph.get(second).equals(label)).count() / n;
                chance += a * b;
            }
            return (agree / n - chance) / (1 - chance);
        }
        double meanAgreement = 0;
        double[] share = new double[l.size()];
        double ratings = 0;
        for (Map<String, String> photo : photos) {
            double raters = photo.size();
            double pairs = 0;
            for (int j = 0; j < l.size(); j++) {
                String label = l.get(j);
                double count = photo.values().stream().filter(label::equals).count();
                pairs += count * (count - 1);
                share[j] += count;
            }
            ratings += raters;
            meanAgreement += pairs / (raters * (raters - 1)) / photos.size();
        }
        double chance = 0;
        for (double s : share) {
            chance += (s / ratings) * (s / ratings);
        }
        return (meanAgreement - chance) / (1 - chance);
    }
}
