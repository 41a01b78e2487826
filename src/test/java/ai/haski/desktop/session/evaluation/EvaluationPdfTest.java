package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.haski.desktop.TestFiles;
import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import ai.haski.desktop.session.StoredResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --format pdf} on a real session file with verdicts from two reviewers: the PDF holds the HTML
 * report's content (read back with PDFBox's text extraction and compared with the JSON report's numbers), and
 * rendered to PNG by poppler's pdftoppm its pages are not blank and show the heat map's colours. The pages are
 * kept in {@code target/evaluation-pdf/} to be looked at.
 */
class EvaluationPdfTest {
    @TempDir
    Path dir;

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int status = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        assertThat(status).as("%s: %s", String.join(" ", args), err).isZero();
    }

    private Path reviewedSession() throws Exception {
        try (Session session = SyntheticSession.create(dir)) {
            SyntheticSession.analyse(session, Map.of());
            List<StoredResult> results = session.results().byModel(ModelKey.of(SyntheticSession.MODEL_A));
            int i = 0;
            for (StoredResult result : results) {
                if (!result.succeeded() || !result.relativePath().startsWith("p")) {
                    continue;
                }
                // Every third overridden to another label, the rest accepted; a second reader on a few.
                if (i % 3 == 0) {
                    session.reviews().override(result.analysisId(), "skin_type", SyntheticSession.SKIN.get(i % 4),
                            "Ana");
                } else {
                    session.reviews().acceptAll(result.analysisId(), "Ana");
                }
                if (i % 5 == 0) {
                    session.reviews().override(result.analysisId(), "skin_type", "oily", "Ben");
                }
                i++;
            }
            return session.file();
        }
    }

    @Test
    void thePdfHasTheReportsContentAndRendersToPagesWithTheCharts() throws Exception {
        Path session = reviewedSession();
        Path pdf = dir.resolve("evaluation.pdf");
        Path json = dir.resolve("evaluation.json");
        run("evaluate", "--session", session.toString(), "--model", "model-a", "--rule", "majority", "--out",
                pdf.toString());
        run("evaluate", "--session", session.toString(), "--model", "model-a", "--rule", "majority", "--out",
                json.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());

        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Haski evaluation: model-a 1.0.0");
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("How the model did on these photos", "What these numbers do and do not show",
                "Weights SHA-256:  " + "a".repeat(64), "the session's verdicts; rule: majority",
                "Blind:  no: the reviewers saw the model's answer", "Confusion matrix: rows are the truth",
                "Reliability diagram", "How far the reviewers agree with each other", "Per label");
        JsonNode skin = report.at("/heads/skin_type");
        assertThat(text).contains("photos (n):  " + skin.get("n").asInt(),
                "accuracy:  " + threeDecimals(skin.get("accuracy")) + "   95 % interval ["
                        + threeDecimals(skin.at("/accuracy_ci95/0")) + ", " + threeDecimals(skin.at("/accuracy_ci95/1"))
                        + "]",
                "Cohen's kappa:  " + threeDecimals(skin.get("kappa")), "ECE:  " + threeDecimals(skin.get("ece")));
        assertThat(text).contains("kappa " + threeDecimals(report.at("/agreement/skin_type/kappa")));

        List<BufferedImage> pages = render(pdf);
        assertThat(pages).hasSizeGreaterThan(1);
        for (BufferedImage page : pages) {
            assertThat(inkedShare(page)).as("a page with something on it").isGreaterThan(0.005);
        }
        assertThat(pages.stream().anyMatch(page -> hasColour(page, 78, 121, 167)))
                .as("the heat map's and the reliability bars' blue on some page").isTrue();
        assertThat(pages.stream().anyMatch(page -> hasColour(page, 242, 142, 43)))
                .as("the heat map's orange (wrong answers) on some page").isTrue();
    }

    private static String threeDecimals(JsonNode value) {
        return value == null || value.isNull() ? "undefined" : String.format(Locale.ROOT, "%.3f", value.asDouble());
    }

    /** The PDF's pages as poppler renders them, kept under target/evaluation-pdf/. */
    private static List<BufferedImage> render(Path pdf) throws IOException, InterruptedException {
        assumeTrue(onPath("pdftoppm"), "pdftoppm is not installed; install it: apt-get install poppler-utils");
        Path out = Files.createDirectories(TestFiles.repo().resolve("target/evaluation-pdf"));
        try (Stream<Path> old = Files.list(out)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Process process = new ProcessBuilder("pdftoppm", "-r", "60", "-png", pdf.toString(),
                out.resolve("page").toString()).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pdftoppm: " + said).isZero();
        List<BufferedImage> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                pages.add(ImageIO.read(file.toFile()));
            }
        }
        return pages;
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }

    private static double inkedShare(BufferedImage page) {
        long inked = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 200 || ((rgb >> 8) & 0xff) < 200 || (rgb & 0xff) < 200) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) page.getWidth() * page.getHeight());
    }

    /** Whether some pixel is a shade of the colour over white (its tint at any strength above a quarter). */
    private static boolean hasColour(BufferedImage page, int r, int g, int b) {
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int pr = (rgb >> 16) & 0xff;
                int pg = (rgb >> 8) & 0xff;
                int pb = rgb & 0xff;
                for (double a = 0.25; a <= 1.0; a += 0.05) {
                    if (near(pr, 255 - (255 - r) * a) && near(pg, 255 - (255 - g) * a) && near(pb, 255 - (255 - b) * a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean near(int value, double wanted) {
        return Math.abs(value - wanted) <= 6;
    }
}
