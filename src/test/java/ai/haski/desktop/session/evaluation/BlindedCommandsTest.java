package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.StoredResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's side of blinded reading, in process on real session files: {@code review --blinded} turns the
 * mode on (and says so), {@code evaluate --blinded-only} measures on the blind verdicts only and says so in the
 * report, and refuses to be combined with a labels file.
 */
class BlindedCommandsTest {
    @TempDir
    Path dir;

    private record Run(int status, String err) {}

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        int status = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        return new Run(status, err.toString());
    }

    @Test
    void reviewBlindedTurnsTheModeOnOnceAndAnalysesAsUsual() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("clinic"));
        for (String name : List.of("skimage_camera.png", "skimage_coins.png")) {
            Files.copy(TestFiles.photo(name), folder.resolve(name));
        }
        Path file = dir.resolve("clinic.haski-session");

        Run first = run("review", folder.toString(), "--session", file.toString(), "--blinded", "--threads", "1");
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.err()).contains("Blinded reading is on for this session");
        Run second = run("review", folder.toString(), "--session", file.toString(), "--blinded", "--threads", "1");
        assertThat(second.err()).contains("Blinded reading is already on");

        try (Session session = Session.openFile(file)) {
            assertThat(session.blinding().isBlinded()).isTrue();
            assertThat(session.blinding().history()).hasSize(1);
            assertThat(session.results().models()).hasSize(1);
        }
    }

    @Test
    void evaluateBlindedOnlyCountsTheBlindVerdictsAndSaysSo() throws Exception {
        Path file;
        try (Session session = SyntheticSession.create(dir)) {
            file = session.file();
            SyntheticSession.analyse(session, Map.of());
            ModelKey model = ModelKey.of(SyntheticSession.MODEL_A);
            List<StoredResult> results = session.results().byModel(model);
            StoredResult open = results.stream().filter(r -> r.relativePath().equals("p01.png")).findFirst()
                    .orElseThrow();
            session.reviews().override(open.analysisId(), "skin_type", "dry", "Ana");
            session.blinding().setBlinded(true, "Ana");
            for (String path : List.of("p02.png", "p05.png")) {
                StoredResult result = results.stream().filter(r -> r.relativePath().equals(path)).findFirst()
                        .orElseThrow();
                session.reviews().override(result.analysisId(), "skin_type", "oily", "Ana");
                session.blinding().reveal(result, List.of("skin_type"), "Ana");
            }
        }
        Path out = dir.resolve("blind.json");
        Run blind = run("evaluate", "--session", file.toString(), "--model", "model-a", "--blinded-only", "--out",
                out.toString());
        assertThat(blind.status()).as(blind.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.at("/truth/blind").asText()).isEqualTo("only");
        assertThat(report.at("/truth/photos").asInt()).isEqualTo(2);
        assertThat(report.at("/heads/skin_type/n").asInt()).isEqualTo(2);

        Path all = dir.resolve("all.json");
        assertThat(run("evaluate", "--session", file.toString(), "--model", "model-a", "--out", all.toString())
                .status()).isZero();
        assertThat(new ObjectMapper().readTree(all.toFile()).at("/truth/photos").asInt()).isEqualTo(3);

        Path labels = Files.writeString(dir.resolve("labels.csv"), "file,skin_type\np01.png,dry\n");
        Run refused = run("evaluate", "--session", file.toString(), "--labels", labels.toString(), "--blinded-only",
                "--out", dir.resolve("x.json").toString());
        assertThat(refused.status()).isEqualTo(HaskiCommand.USAGE);
        assertThat(refused.err()).contains("--blinded-only chooses among verdicts");
    }
}
