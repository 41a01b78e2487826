package ai.haski.desktop.session.evaluation;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.ImageFacts;
import ai.haski.desktop.analysis.Provenance;
import ai.haski.desktop.analysis.Region;
import ai.haski.desktop.analysis.StageTimings;
import ai.haski.desktop.model.HeadResult;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.SessionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A session of copies of one public photo with results from two made-up models, saved through the session's own
 * API, so that the statistics can be checked on many photos with known, seeded answers (running a real model
 * on 50 photos would give answers the test could not choose).
 */
final class SyntheticSession {
    static final List<String> SKIN = List.of("dry", "normal", "oily", "combination");
    static final List<String> HAIR = List.of("straight", "wavy", "curly");
    static final List<String> SCALP = List.of("healthy", "flaky");
    static final Provenance MODEL_A = new Provenance("model-a", "Model A", "1.0.0", "a".repeat(64), "onnx",
            "ONNX Runtime", "1.0", false);
    static final Provenance MODEL_B = new Provenance("model-b", "Model B", "2.0.0", "b".repeat(64), "onnx",
            "ONNX Runtime", "1.0", false);

    private SyntheticSession() {}

    /**
     * Copies of a small photo: {@code p00.png … p39.png}, {@code sub/q00.png … sub/q07.png}, and
     * {@code other/q00.png}, whose bare name is therefore ambiguous.
     */
    static Session create(Path dir) throws IOException, SessionException {
        Path folder = dir.resolve("photos");
        Files.createDirectories(folder.resolve("sub"));
        Files.createDirectories(folder.resolve("other"));
        Path source = TestFiles.photo("skimage_palette_color.png");
        for (int i = 0; i < 40; i++) {
            Files.copy(source, folder.resolve(String.format("p%02d.png", i)));
        }
        for (int i = 0; i < 8; i++) {
            Files.copy(source, folder.resolve("sub").resolve(String.format("q%02d.png", i)));
        }
        Files.copy(source, folder.resolve("other").resolve("q00.png"));
        Session session = Session.open(folder, dir.resolve("synthetic.haski-session"));
        session.rescan();
        return session;
    }

    /**
     * Model A: seeded random probabilities, never "combination" on top; no result for p03, a failure on p04.
     * Model B: skin_type's top label is {@code skinTruth} where there is one; results only for p*.png.
     */
    static void analyse(Session session, Map<String, String> skinTruth) throws SessionException {
        Random random = new Random(20240611L);
        for (Photo photo : session.photos().all()) {
            String path = photo.relativePath();
            if (!path.equals("p03.png")) {
                AnalysisOutcome outcome = path.equals("p04.png")
                        ? new AnalysisFailure(Path.of(path), "image_unreadable", "made-up failure")
                        : analysis(path, MODEL_A, random, null);
                session.results().save(photo, outcome, MODEL_A, photo.sizeBytes(), photo.modifiedMillis());
            }
            if (path.startsWith("p")) {
                session.results().save(photo, analysis(path, MODEL_B, random, skinTruth.get(path)), MODEL_B,
                        photo.sizeBytes(), photo.modifiedMillis());
            }
        }
    }

    private static Analysis analysis(String path, Provenance model, Random random, String forcedSkin) {
        float[] skin = weights(random, SKIN.size());
        if (forcedSkin != null) {
            skin = new float[SKIN.size()];
            for (int i = 0; i < skin.length; i++) {
                skin[i] = 0.1f;
            }
            skin[SKIN.indexOf(forcedSkin)] = 0.7f;
        } else {
            skin[SKIN.indexOf("combination")] = 0.001f;
            normalise(skin);
        }
        List<HeadResult> heads = new ArrayList<>();
        heads.add(head("skin_type", SKIN, skin));
        heads.add(head("hair_type", HAIR, weights(random, HAIR.size())));
        heads.add(head("scalp", SCALP, weights(random, SCALP.size())));
        return new Analysis(Path.of(path), heads, model, new ImageFacts(32, 32, 1, "png"),
                new StageTimings(1, 0, 0, 0, 0, 1), List.of(), Region.whole(32, 32));
    }

    private static float[] weights(Random random, int n) {
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            // Cubed, so that some confidences are high and the reliability diagram is not all in one bin.
            double u = random.nextDouble();
            weights[i] = (float) (u * u * u + 0.01);
        }
        normalise(weights);
        return weights;
    }

    private static void normalise(float[] weights) {
        float sum = 0;
        for (float w : weights) {
            sum += w;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
    }

    private static HeadResult head(String name, List<String> labels, float[] probabilities) {
        int top = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[top]) {
                top = i;
            }
        }
        return new HeadResult(name, labels, probabilities, labels.get(top), probabilities[top], false, List.of());
    }
}
