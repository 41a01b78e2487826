package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.StoredResult;
import ai.haski.desktop.session.Verdict;
import ai.haski.desktop.session.VerdictAction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-verdicts} on a real session file: a labels file becomes one reviewer's verdicts on a model's results
 * (the model's own label an accept, another an override), what the file gets wrong is reported and left out, a photo
 * without a result gets none, and the imported verdicts are that reviewer's truth for {@code evaluate}.
 */
class LabelsImportTest {
    @TempDir
    Path dir;

    private record Run(int status, String err) {}

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        int status = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        return new Run(status, err.toString());
    }

    @Test
    void aLabelsFileBecomesTheReviewersVerdictsAndItsMistakesAreReported() throws Exception {
        Path file;
        String p01Top;
        String p02Other;
        try (Session session = SyntheticSession.create(dir)) {
            file = session.file();
            SyntheticSession.analyse(session, Map.of());
            List<StoredResult> results = session.results().byModel(ModelKey.of(SyntheticSession.MODEL_A));
            p01Top = result(results, "p01.png").head("skin_type").orElseThrow().topLabel();
            String p02Top = result(results, "p02.png").head("skin_type").orElseThrow().topLabel();
            p02Other = SyntheticSession.SKIN.stream().filter(l -> !l.equals(p02Top)).findFirst().orElseThrow();
        }
        Path labels = Files.writeString(dir.resolve("labels.csv"), "file,skin_type,hair_type,tone\n"
                + "p01.png," + p01Top + ",wavy,\n"
                + "./p02.png," + p02Other + ",,fair\n"
                + "p03.png,dry,,\n"            // no result from model A
                + "p05.png,greasy,curly,\n"    // not a label
                + "q00.png,dry,,\n"            // two photos have this name
                + "missing.png,dry,,\n");

        Run imported = run("import-verdicts", "--session", file.toString(), "--labels", labels.toString(),
                "--reviewer", "Lab", "--model", "model-a");

        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("Recorded 4 verdicts on 3 photos as Lab")
                .contains("column \"tone\" is not a head").contains("\"greasy\" is not a label of skin_type")
                .contains("fits 2 photos").contains("no photo \"missing.png\"")
                .contains("p03.png: no result from model-a");
        try (Session session = Session.openFile(file)) {
            List<StoredResult> results = session.results().byModel(ModelKey.of(SyntheticSession.MODEL_A));
            List<Verdict> p01 = session.reviews().verdictHistory(result(results, "p01.png").photoId());
            assertThat(p01).extracting(Verdict::head).containsExactlyInAnyOrder("skin_type", "hair_type");
            assertThat(p01).filteredOn(v -> v.head().equals("skin_type")).singleElement()
                    .satisfies(v -> assertThat(v.action()).isEqualTo(VerdictAction.ACCEPT));
            List<Verdict> p02 = session.reviews().verdictHistory(result(results, "p02.png").photoId());
            assertThat(p02).singleElement().satisfies(v -> {
                assertThat(v.action()).isEqualTo(VerdictAction.OVERRIDE);
                assertThat(v.label()).isEqualTo(p02Other);
                assertThat(v.reviewer()).isEqualTo("Lab");
            });
            GroundTruth truth = VerdictTruth.of(session, VerdictRule.reviewer("Lab"));
            assertThat(truth.label("p01.png", "skin_type")).hasValue(p01Top);
            assertThat(truth.label("p02.png", "skin_type")).hasValue(p02Other);
            assertThat(truth.label("p05.png", "hair_type")).hasValue("curly");
            assertThat(truth.labels()).containsOnlyKeys("p01.png", "p02.png", "p05.png");
        }
    }

    @Test
    void importedLabelsNeverCountAsBlindEvenInABlindedSession() throws Exception {
        Path file;
        try (Session session = SyntheticSession.create(dir)) {
            file = session.file();
            SyntheticSession.analyse(session, Map.of());
            session.blinding().setBlinded(true, "Lab");
        }
        Path labels = Files.writeString(dir.resolve("labels.csv"), "file,skin_type\np01.png,dry\n");
        assertThat(run("import-verdicts", "--session", file.toString(), "--labels", labels.toString(), "--reviewer",
                "Lab", "--model", "model-a").status()).isZero();
        try (Session session = Session.openFile(file)) {
            assertThat(VerdictTruth.of(session, VerdictRule.reviewer("Lab"), false).label("p01.png", "skin_type"))
                    .hasValue("dry");
            // Haski cannot know whether labels made elsewhere were made without the model's answer.
            assertThat(VerdictTruth.of(session, VerdictRule.reviewer("Lab"), true).labels()).isEmpty();
        }
    }

    @Test
    void withoutAFileColumnOrAReviewerNothingIsRecorded() throws Exception {
        Path file;
        try (Session session = SyntheticSession.create(dir)) {
            file = session.file();
            SyntheticSession.analyse(session, Map.of());
        }
        Path bad = Files.writeString(dir.resolve("bad.csv"), "photo,skin_type\np01.png,dry\n");
        Run refused = run("import-verdicts", "--session", file.toString(), "--labels", bad.toString(), "--reviewer",
                "Lab", "--model", "model-a");
        assertThat(refused.status()).isEqualTo(HaskiCommand.USAGE);
        assertThat(refused.err()).contains("needs a header row with a \"file\" column").contains("nothing was recorded");

        Path good = Files.writeString(dir.resolve("good.csv"), "file,skin_type\np01.png,dry\n");
        Run blank = run("import-verdicts", "--session", file.toString(), "--labels", good.toString(), "--reviewer",
                "  ", "--model", "model-a");
        assertThat(blank.status()).isEqualTo(HaskiCommand.USAGE);
        assertThat(blank.err()).contains("reviewer name");

        Run twoModels = run("import-verdicts", "--session", file.toString(), "--labels", good.toString(),
                "--reviewer", "Lab");
        assertThat(twoModels.status()).isEqualTo(HaskiCommand.USAGE);
        assertThat(twoModels.err()).contains("say which with --model");
        try (Session session = Session.openFile(file)) {
            assertThat(ReaderVerdicts.read(session).byPhoto()).isEmpty();
        }
    }

    private static StoredResult result(List<StoredResult> results, String file) {
        return results.stream().filter(r -> r.relativePath().equals(file)).findFirst().orElseThrow();
    }
}
