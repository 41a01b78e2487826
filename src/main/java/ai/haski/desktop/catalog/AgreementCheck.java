package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.inference.HeadDecoder;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.ModelFormat;
import java.util.List;
import java.util.Map;

/**
 * Whether an ONNX and a TFLite file compute the same network: their raw outputs on the sample image within the
 * agreement tolerance, the same top label per head, and a difference one test vector can accept.
 */
final class AgreementCheck {
    private final ProblemList problems;

    AgreementCheck(ProblemList problems) {
        this.problems = problems;
    }

    /** @param byManifestName each format's outputs under the manifest's output names */
    FormatAgreement compare(ModelFormat a, ModelFormat b, List<HeadSpec> heads,
            Map<ModelFormat, Map<String, float[]>> byManifestName, double allowed) {
        Map<String, float[]> first = byManifestName.get(a);
        Map<String, float[]> second = byManifestName.get(b);
        double raw = 0;
        for (Map.Entry<String, float[]> e : first.entrySet()) {
            float[] x = e.getValue();
            float[] y = second.get(e.getKey());
            for (int i = 0; i < x.length; i++) {
                raw = Math.max(raw, Math.abs((double) x[i] - y[i]));
            }
        }
        List<HeadResult> ha = HeadDecoder.decode(heads, first);
        List<HeadResult> hb = HeadDecoder.decode(heads, second);
        double prob = 0;
        for (int h = 0; h < ha.size(); h++) {
            float[] pa = ha.get(h).probabilities();
            float[] pb = hb.get(h).probabilities();
            for (int i = 0; i < pa.length; i++) {
                prob = Math.max(prob, Math.abs((double) pa[i] - pb[i]));
            }
            if (!ha.get(h).topLabel().equals(hb.get(h).topLabel())) {
                problems.add("agreement", Code.FORMATS_DISAGREE, ha.get(h).head(), ha.get(h).topLabel(),
                        ha.get(h).topProbability(), a.id(), hb.get(h).topLabel(), hb.get(h).topProbability(), b.id(),
                        raw);
            }
        }
        if (!(allowed > 0)) {
            problems.add("agreement", Code.AGREEMENT_NOT_POSITIVE, allowed);
        } else if (raw > allowed) {
            problems.add("agreement", Code.FORMATS_DIFFER, a.id(), b.id(), raw, prob, allowed,
                    ManifestRules.MAX_TOLERANCE);
        } else if (raw > ManifestRules.MAX_TOLERANCE) {
            problems.add("agreement", Code.FORMATS_BEYOND_TEST_VECTOR, raw, ManifestRules.MAX_TOLERANCE);
        }
        return new FormatAgreement(raw, prob, allowed);
    }
}
