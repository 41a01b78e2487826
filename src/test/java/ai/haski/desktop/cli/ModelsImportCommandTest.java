package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.tools.ReferenceModelGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models import} through the command line, then the imported model analysing a real photo. */
class ModelsImportCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HaskiCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void importsBothFormatsThenListsAndAnalysesWithTheImportedModel() throws Exception {
        Path generated = ReferenceModelGenerator.generateWithSeed(dir.resolve("generated"), 21);
        Path models = dir.resolve("models");
        Run imported = run("models", "import", generated.resolve("model.onnx").toString(),
                generated.resolve("model.tflite").toString(), "--id", "seed-21", "--name", "Seed 21",
                "--version", "0.3.0", "--into", models.toString());
        assertThat(imported.exit()).as(imported.err()).isEqualTo(0);
        assertThat(imported.out()).contains("Imported seed-21 0.3.0 \"Seed 21\"", "input  image [1, 3, 224, 224]",
                "max raw-output difference", "test vector onnx   PASS", "test vector tflite PASS",
                "written to " + models.resolve("seed-21"));

        Run listed = run("models", "--models-dir", models.toString());
        assertThat(listed.exit()).isEqualTo(0);
        assertThat(listed.out()).contains("seed-21 0.3.0  \"Seed 21\"  [user]").doesNotContain("REFUSED");
        Run listedAgain = run("models", "list", "--models-dir", models.toString());
        assertThat(listedAgain.out()).isEqualTo(listed.out());

        Path photo = TestFiles.photo("phone_IMG_1054.JPG");
        Run analysed = run("analyze", "--models-dir", models.toString(), "--model", "seed-21", "--backend", "tflite",
                "--out", dir.resolve("result.jsonl").toString(), photo.toString());
        assertThat(analysed.exit()).as(analysed.err()).isEqualTo(0);
        JsonNode result = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("result.jsonl")).get(0));
        assertThat(result.get("model_id").asText()).isEqualTo("seed-21");
        assertThat(result.get("model_type").asText()).isEqualTo("tflite");
        assertThat(result.get("skin_type").asText()).isNotBlank();
    }

    @Test
    void refusesWithTheReasonAndExitStatusTwo() throws Exception {
        Path generated = ReferenceModelGenerator.generateWithSeed(dir.resolve("generated"), 22);
        Path labels = dir.resolve("labels.json");
        Files.writeString(labels, "{\"only\": [\"a\", \"b\", \"c\"]}");
        Run refused = run("models", "import", generated.resolve("model.onnx").toString(), "--labels",
                labels.toString(), "--into", dir.resolve("models").toString());
        assertThat(refused.exit()).isEqualTo(HaskiCommand.USAGE);
        assertThat(refused.err()).contains("field 'labels'", "gives 3 labels", "has 14 values");
        assertThat(Files.exists(dir.resolve("models").resolve("model"))).isFalse();

        Run help = run("models", "import", "--help");
        assertThat(help.exit()).isEqualTo(0);
        assertThat(help.out()).contains("--labels", "--size", "--agreement", "--version");

        Run badSize = run("models", "import", generated.resolve("model.onnx").toString(), "--size", "big");
        assertThat(badSize.exit()).isEqualTo(HaskiCommand.USAGE);
        assertThat(badSize.err()).contains("--size must be WxH");
    }
}
