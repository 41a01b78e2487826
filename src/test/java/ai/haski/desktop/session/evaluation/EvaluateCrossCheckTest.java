package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.platform.CsvRow;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Photo;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.StoredResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --format json} on a session with a labels file: every number equals the independent computation
 * from the session's JSON export ({@link IndependentMetrics}) to 1e-9, and the labels file's mistakes are reported.
 * The edge cases occur in it on purpose: model A never says "combination" (a label never predicted); hair_type's
 * truth is always "wavy" (one class); scalp's truth is only on photos model A has no result for (n = 0); model B's
 * skin_type is always the truth (all correct).
 */
class EvaluateCrossCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path sessionFile;
    private Path labelsFile;
    /** The truth the labels file gives, by photo path, as this test means it (its mistakes left out). */
    private final Map<String, Map<String, String>> truth = new LinkedHashMap<>();

    @BeforeEach
    void buildSession() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("file", "skin_type", "hair_type", "scalp", "tone"));
        Random random = new Random(7L);
        Map<String, String> skinTruth = new LinkedHashMap<>();
        for (int i = 1; i < 40; i++) {
            String path = String.format("p%02d.png", i);
            String skin = i == 12 ? "" : SyntheticSession.SKIN.get(random.nextInt(4));
            String hair = i == 13 ? "" : "wavy";
            String scalp = i == 3 || i == 4 ? SyntheticSession.SCALP.get(i % 2) : "";
            String named = i == 7 ? "./" + path : path;
            rows.add(List.of(named, i == 9 ? "greasy" : skin, hair, scalp, i == 5 ? "fair" : ""));
            put(path, "skin_type", i == 9 ? "" : skin);
            put(path, "hair_type", hair);
            put(path, "scalp", scalp);
            if (i != 9 && !skin.isEmpty()) {
                skinTruth.put(path, skin);
            }
        }
        for (int i = 1; i < 8; i++) {
            String path = String.format("sub/q%02d.png", i);
            String skin = SyntheticSession.SKIN.get(random.nextInt(4));
            rows.add(List.of(i == 5 ? "sub\\q05.png" : String.format("q%02d.png", i), skin, "wavy", "", ""));
            put(path, "skin_type", skin);
            put(path, "hair_type", "wavy");
        }
        rows.add(List.of("q00.png", "dry", "wavy", "", ""));
        rows.add(List.of("nope.png", "dry", "wavy", "", ""));
        rows.add(List.of("p01.png", "oily", "curly", "", ""));
        labelsFile = dir.resolve("truth.csv");
        StringBuilder csv = new StringBuilder();
        rows.forEach(row -> csv.append(CsvRow.of(row)).append("\r\n"));
        Files.writeString(labelsFile, csv, StandardCharsets.UTF_8);

        try (Session session = SyntheticSession.create(dir)) {
            SyntheticSession.analyse(session, skinTruth);
            review(session);
            sessionFile = session.file();
        }
    }

    @Test
    void everyNumberEqualsTheIndependentComputationFromTheExport() throws Exception {
        JsonNode report = evaluate("--labels", labelsFile.toString());
        JsonNode export = export();

        assertThat(report.get("models")).hasSize(2);
        for (JsonNode model : report.get("models")) {
            String sha = model.get("model").get("sha256").asText();
            assertThat(model.get("heads").size()).isEqualTo(3);
            for (String head : List.of("skin_type", "hair_type", "scalp")) {
                assertHead(model.get("heads").get(head), IndependentMetrics.head(export, truth, sha, head),
                        sha.charAt(0) + " " + head);
            }
        }
        for (String head : List.of("skin_type", "hair_type")) {
            assertNumber(report.get("agreement").get(head).get("kappa"), IndependentMetrics.agreement(export, head),
                    "agreement " + head);
        }
    }

    @Test
    void theEdgeCasesComeOutAsDefined() throws Exception {
        JsonNode report = evaluate("--labels", labelsFile.toString());
        JsonNode a = report.get("models").get(0).get("heads");
        JsonNode b = report.get("models").get(1).get("heads");

        assertThat(a.get("skin_type").get("per_class").get("combination").get("precision").isNull()).isTrue();
        assertThat(a.get("skin_type").get("per_class").get("combination").get("f1").asDouble()).isZero();
        assertThat(a.get("hair_type").get("per_class").get("straight").get("support").asLong()).isZero();
        assertThat(a.get("hair_type").get("kappa").asDouble()).isZero();
        assertThat(a.get("scalp").get("n").asLong()).isZero();
        for (String field : List.of("accuracy", "accuracy_ci95", "macro_f1", "kappa", "ece")) {
            assertThat(a.get("scalp").get(field).isNull()).as(field).isTrue();
        }
        assertThat(a.get("scalp").get("without_result").get("files")).extracting(JsonNode::asText)
                .containsExactly("p03.png", "p04.png");
        assertThat(b.get("skin_type").get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(b.get("skin_type").get("kappa").asDouble()).isEqualTo(1.0);
        assertThat(b.get("skin_type").get("n").asLong()).isEqualTo(37);
    }

    @Test
    void theLabelsFilesMistakesAreReportedNotGuessed() throws Exception {
        JsonNode truthNode = evaluate("--labels", labelsFile.toString()).get("truth");

        assertThat(truthNode.get("source").asText()).isEqualTo("labels");
        assertThat(truthNode.get("photos").asInt()).isEqualTo(truth.size());
        List<String> problems = new ArrayList<>();
        truthNode.get("problems").forEach(p -> problems.add(p.asText()));
        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"tone\" is not a head"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"greasy\" is not a label of skin_type"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"q00.png\" fits 2 photos"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no photo \"nope.png\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("p01.png is listed again"));
    }

    @Test
    void verdictsExportedAsALabelsFileGiveTheSameEvaluationAsTheVerdicts() throws Exception {
        Path exported = dir.resolve("grace.csv");
        assertThat(run("export", "--session", sessionFile.toString(), "--format", "labels", "--reviewer", "Grace",
                "--out", exported.toString())).isZero();

        JsonNode fromVerdicts = evaluate("--reviewer", "Grace", "--model", "model-a");
        JsonNode fromFile = evaluate("--labels", exported.toString(), "--model", "model-a");

        assertThat(fromVerdicts.get("truth").get("source").asText()).isEqualTo("verdicts");
        assertThat(fromVerdicts.get("model").get("id").asText()).isEqualTo("model-a");
        assertThat(fromVerdicts.get("heads").get("skin_type").get("n").asInt()).isEqualTo(20);
        assertThat(fromFile.get("heads")).isEqualTo(fromVerdicts.get("heads"));
        assertThat(fromFile.get("truth").get("problems")).isEmpty();
    }

    @Test
    void theMajorityLeavesTiesOutAndSaysSo() throws Exception {
        JsonNode report = evaluate("--rule", "majority", "--model", "model-a");

        // hair_type on p10..p19: three reviewers, except p15 where two disagree: a tie.
        List<String> problems = new ArrayList<>();
        report.get("truth").get("problems").forEach(p -> problems.add(p.asText()));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).contains("tied"));
        assertThat(report.get("heads").get("hair_type").get("n").asInt()).isEqualTo(10 - problems.stream()
                .filter(p -> p.contains("hair_type")).count());
    }

    /** skin_type: Ada and Grace on p10..p29 (Ada changes her mind on p10); hair_type: also Linus, not on p15. */
    private static void review(Session session) throws Exception {
        ModelKey a = ModelKey.of(SyntheticSession.MODEL_A);
        Random random = new Random(99L);
        for (int i = 10; i < 30; i++) {
            Photo photo = session.photos().byPath(String.format("p%02d.png", i)).orElseThrow();
            StoredResult result = session.results().forPhoto(photo.id(), a).orElseThrow();
            for (String reviewer : List.of("Ada", "Grace")) {
                verdict(session, result, "skin_type", SyntheticSession.SKIN, reviewer, random);
            }
            if (i == 10) {
                session.reviews().accept(result.analysisId(), "skin_type", "Ada");
            }
            if (i < 20) {
                for (String reviewer : List.of("Ada", "Grace", "Linus")) {
                    if (i == 15 && reviewer.equals("Linus")) {
                        continue;
                    }
                    if (i == 15) {
                        session.reviews().override(result.analysisId(), "hair_type",
                                reviewer.equals("Ada") ? "curly" : "straight", reviewer);
                    } else {
                        verdict(session, result, "hair_type", SyntheticSession.HAIR, reviewer, random);
                    }
                }
            }
        }
    }

    private static void verdict(Session session, StoredResult result, String head, List<String> labels,
            String reviewer, Random random) throws Exception {
        if (random.nextInt(3) == 0) {
            session.reviews().override(result.analysisId(), head, labels.get(random.nextInt(labels.size())),
                    reviewer);
        } else {
            session.reviews().accept(result.analysisId(), head, reviewer);
        }
    }

    private void put(String path, String head, String label) {
        if (!label.isEmpty()) {
            truth.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(head, label);
        }
    }

    private JsonNode evaluate(String... options) throws Exception {
        Path out = dir.resolve("evaluation.json");
        List<String> args = new ArrayList<>(List.of("evaluate", "--session", sessionFile.toString(), "--format",
                "json", "--out", out.toString()));
        args.addAll(List.of(options));
        assertThat(run(args.toArray(String[]::new))).isZero();
        return JSON.readTree(out.toFile());
    }

    private JsonNode export() throws Exception {
        Path out = dir.resolve("export.json");
        assertThat(run("export", "--session", sessionFile.toString(), "--out", out.toString())).isZero();
        return JSON.readTree(out.toFile());
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        int status = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        assertThat(status).as("%s: %s", String.join(" ", args), err).isZero();
        return status;
    }

    private static void assertHead(JsonNode actual, IndependentMetrics.Head expected, String what) {
        assertThat(actual.get("n").asInt()).as(what + " n").isEqualTo(expected.n);
        assertNumber(actual.get("accuracy"), expected.accuracy, what + " accuracy");
        if (expected.ci == null) {
            assertThat(actual.get("accuracy_ci95").isNull()).as(what + " ci").isTrue();
        } else {
            assertNumber(actual.get("accuracy_ci95").get(0), expected.ci[0], what + " ci lower");
            assertNumber(actual.get("accuracy_ci95").get(1), expected.ci[1], what + " ci upper");
        }
        assertNumber(actual.get("macro_f1"), expected.macroF1, what + " macro-F1");
        assertNumber(actual.get("kappa"), expected.kappa, what + " kappa");
        assertNumber(actual.get("ece"), expected.ece, what + " ECE");
        List<String> labels = new ArrayList<>();
        actual.get("confusion").get("labels").forEach(l -> labels.add(l.asText()));
        assertThat(labels).as(what + " labels").isEqualTo(expected.labels);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < labels.size(); j++) {
                assertThat(actual.get("confusion").get("matrix").get(i).get(j).asLong()).as(what + " confusion")
                        .isEqualTo(expected.confusion[i][j]);
            }
            Double[] metrics = expected.perClass.get(labels.get(i));
            JsonNode perClass = actual.get("per_class").get(labels.get(i));
            assertNumber(perClass.get("precision"), metrics[0], what + " precision " + labels.get(i));
            assertNumber(perClass.get("recall"), metrics[1], what + " recall " + labels.get(i));
            assertNumber(perClass.get("f1"), metrics[2], what + " f1 " + labels.get(i));
            assertNumber(perClass.get("support"), metrics[3], what + " support " + labels.get(i));
        }
        assertThat(actual.get("reliability")).hasSize(15);
        for (int m = 0; m < 15; m++) {
            JsonNode bin = actual.get("reliability").get(m);
            assertThat(bin.get("count").asLong()).as(what + " bin " + m).isEqualTo(expected.binCount[m]);
            assertNumber(bin.get("accuracy"), expected.binAccuracy[m], what + " bin accuracy " + m);
            assertNumber(bin.get("confidence"), expected.binConfidence[m], what + " bin confidence " + m);
        }
        List<String> without = new ArrayList<>();
        actual.get("without_result").get("files").forEach(f -> without.add(f.asText()));
        assertThat(without).as(what + " without result").isEqualTo(expected.withoutResult);
    }

    private static void assertNumber(JsonNode actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual.isNull()).as(what + " should be null, is " + actual).isTrue();
        } else {
            assertThat(actual.isNumber()).as(what + " should be a number, is " + actual).isTrue();
            assertThat(actual.asDouble()).as(what).isCloseTo(expected, within(1e-9));
        }
    }
}
