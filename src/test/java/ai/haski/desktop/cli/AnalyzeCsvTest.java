package ai.haski.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.TestCsv;
import ai.haski.desktop.TestFiles;
import ai.haski.desktop.analysis.Analysis;
import ai.haski.desktop.analysis.AnalysisFailure;
import ai.haski.desktop.analysis.AnalysisOutcome;
import ai.haski.desktop.analysis.Analyzer;
import ai.haski.desktop.analysis.TestAnalyzers;
import ai.haski.desktop.image.ImageLimits;
import ai.haski.desktop.image.ImageLoader;
import ai.haski.desktop.inference.SharedEngine;
import ai.haski.desktop.model.ModelFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze --format csv: file names a spreadsheet would run as formulas are written as text. The names are given
 * relative, as a user analysing the current folder gives them, so each file cell starts with the name itself.
 */
class AnalyzeCsvTest {
    private static final List<String> NAMES = List.of("=1+1.png", "@SUM(A1).png", "-2+3.png", "+4.png",
            "\tleading-tab.png", "\rleading-cr.png");

    @TempDir
    Path dir;

    @Test
    void fileNamesThatLookLikeFormulasAreNeutralisedAndConfidencesStayNumbers() throws Exception {
        Path csv = dir.resolve("results.csv");
        try (Analyzer analyzer = TestAnalyzers.over(SharedEngine.loader().load(SharedEngine.reference(),
                List.of(ModelFormat.ONNX), 1), new ImageLoader(ImageLimits.DEFAULT))) {
            List<AnalysisOutcome> outcomes = new ArrayList<>();
            for (String name : NAMES) {
                Files.copy(TestFiles.photo("skimage_coins.png"), dir.resolve(name));
                AnalysisOutcome outcome = analyzer.analyze(dir.resolve(name));
                outcomes.add(outcome);
            }
            outcomes.add(new AnalysisFailure(Path.of("=broken.png"), "CORRUPT_IMAGE", "-the decoder said so"));
            try (ResultWriter writer = ResultWriter.open("csv", csv, analyzer.model().manifest().heads())) {
                for (AnalysisOutcome outcome : outcomes) {
                    writer.write(relative(outcome));
                }
            }
        }

        List<List<String>> rows = TestCsv.parse(
                Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertThat(rows).hasSize(1 + NAMES.size() + 1);
        assertThat(rows.stream().skip(1).map(row -> row.get(0)))
                .containsExactlyElementsOf(concat(NAMES.stream().map(n -> "'" + n).toList(), "'=broken.png"));
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).as("a cell of %s", row.get(0)).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        List<String> first = rows.get(1);
        assertThat(Double.parseDouble(first.get(header.indexOf("skin_type_confidence")))).isBetween(0.0, 1.0);
        assertThat(rows.get(rows.size() - 1).get(header.indexOf("error_message"))).isEqualTo("'-the decoder said so");
    }

    /** The outcome as if the file had been named relative to the current folder. */
    private AnalysisOutcome relative(AnalysisOutcome outcome) {
        if (outcome instanceof Analysis analysis) {
            return analysis.withFile(dir.relativize(analysis.file()));
        }
        return outcome;
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }
}
