package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.session.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --by-subfolder} on a real session file with a labels file: one report per top-level subfolder
 * ("." for the photos directly in the folder), whose confusion matrices add up, cell by cell, to the whole session's,
 * and whose n counts exactly the subfolder's photos with both a truth and a result.
 */
class SubfolderSplitTest {
    @TempDir
    Path dir;

    private record Run(int status, String err) {}

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        int status = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        return new Run(status, err.toString());
    }

    @Test
    void eachSubfolderHasItsOwnReportAndTheyAddUpToTheWhole() throws Exception {
        Path file;
        try (Session session = SyntheticSession.create(dir)) {
            file = session.file();
            SyntheticSession.analyse(session, Map.of());
        }
        StringBuilder csv = new StringBuilder("file,skin_type\n");
        List<String> top = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String path = String.format("p%02d.png", i);
            csv.append(path).append(',').append(SyntheticSession.SKIN.get(i % 4)).append('\n');
            top.add(path);
        }
        for (int i = 0; i < 6; i++) {
            csv.append(String.format("sub/q%02d.png", i)).append(',').append(SyntheticSession.SKIN.get(i % 3))
                    .append('\n');
        }
        Path labels = Files.writeString(dir.resolve("labels.csv"), csv);
        Path split = dir.resolve("split.json");
        Path whole = dir.resolve("whole.json");
        Run byFolder = run("evaluate", "--session", file.toString(), "--model", "model-a", "--labels",
                labels.toString(), "--by-subfolder", "--out", split.toString());
        assertThat(byFolder.status()).as(byFolder.err()).isZero();
        assertThat(run("evaluate", "--session", file.toString(), "--model", "model-a", "--labels", labels.toString(),
                "--out", whole.toString()).status()).isZero();

        JsonNode parts = new ObjectMapper().readTree(split.toFile());
        JsonNode all = new ObjectMapper().readTree(whole.toFile());
        assertThat(parts.get("format").asText()).isEqualTo("haski-evaluation-by-subfolder");
        List<String> names = new ArrayList<>();
        parts.get("subfolders").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly(".", "other", "sub");
        // p03 has no result from model A and p04's analysis failed: the other ten top-level photos count.
        assertThat(parts.at("/subfolders/./heads/skin_type/n").asInt()).isEqualTo(top.size() - 2);
        assertThat(parts.at("/subfolders/sub/heads/skin_type/n").asInt()).isEqualTo(6);
        assertThat(parts.at("/subfolders/other/heads/skin_type/n").asInt()).isZero();
        assertThat(parts.at("/subfolders/./heads/skin_type/without_result/count").asInt()).isEqualTo(2);

        JsonNode matrix = all.at("/heads/skin_type/confusion/matrix");
        for (int i = 0; i < matrix.size(); i++) {
            for (int j = 0; j < matrix.size(); j++) {
                long sum = 0;
                for (String name : names) {
                    sum += parts.at("/subfolders/" + name.replace("/", "~1") + "/heads/skin_type/confusion/matrix")
                            .get(i).get(j).asLong();
                }
                assertThat(sum).as("cell %d,%d", i, j).isEqualTo(matrix.get(i).get(j).asLong());
            }
        }
        assertThat(parts.at("/truth/photos").asInt()).isEqualTo(all.at("/truth/photos").asInt());
    }

    @Test
    void onlyJsonCanBeSplit() throws Exception {
        Path file;
        try (Session session = SyntheticSession.create(dir)) {
            file = session.file();
            SyntheticSession.analyse(session, Map.of());
        }
        Run refused = run("evaluate", "--session", file.toString(), "--by-subfolder", "--out",
                dir.resolve("split.html").toString());
        assertThat(refused.status()).isEqualTo(HaskiCommand.USAGE);
        assertThat(refused.err()).contains("--by-subfolder writes JSON only");
    }
}
