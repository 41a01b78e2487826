package ai.haski.desktop.session.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.haski.desktop.cli.HaskiCommand;
import ai.haski.desktop.platform.CsvRow;
import ai.haski.desktop.session.ModelKey;
import ai.haski.desktop.session.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * {@code evaluate --format html}: user text (labels, photo names, model ids, problems) shows as text and never as
 * markup; the page loads nothing from anywhere; and each number it shows is the JSON report's, to three decimals.
 * The page is read back with the JDK's XML parser, which also proves it well-formed.
 */
class EvaluationHtmlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT_LABEL = "<script>alert(1)</script>";
    private static final String IMAGE_FILE = "<img src=x onerror=alert(2)>.png";

    @TempDir
    Path dir;

    @Test
    void userTextIsShownAsTextNeverAsMarkup() throws Exception {
        List<String> labels = List.of(SCRIPT_LABEL, "a\"b&c'd");
        List<ScoredPhoto> photos = List.of(new ScoredPhoto("x.png", SCRIPT_LABEL, SCRIPT_LABEL, 0.9),
                new ScoredPhoto("y.png", "a\"b&c'd", SCRIPT_LABEL, 0.6));
        HeadEvaluation head = HeadEvaluation.of("<b>head</b>", labels, photos, List.of(IMAGE_FILE));
        ModelKey model = new ModelKey("<i>model</i>", "1\"><marquee>", "c".repeat(64), "onnx");
        GroundTruth truth = new GroundTruth("labels", Map.of("file", "</td><a href=\"http://x\">t.csv"),
                Map.of("x.png", Map.of("<b>head</b>", SCRIPT_LABEL)), List.of("line 3: </li><iframe src=x>\u0007"));
        HeadAgreement agreement = new HeadAgreement("<b>head</b>", List.of("<u>Ada</u>", "Bob"),
                java.util.Optional.of("cohen"), 1, 0, java.util.OptionalDouble.empty(),
                List.of(new HeadAgreement.Disagreement(IMAGE_FILE, Map.of("<u>Ada</u>", SCRIPT_LABEL))));
        EvaluationReport report = new EvaluationReport(List.of(new ModelEvaluation(model,
                List.of("<object> 1"), List.of(head))), truth, List.of(agreement));

        Document page = parse(EvaluationHtml.bytes(report, Instant.parse("2024-06-11T10:15:30Z")));

        for (String tag : List.of("script", "img", "iframe", "object", "b", "i", "u", "marquee", "a")) {
            NodeList found = page.getElementsByTagName(tag);
            // The page's own one link is to its problems list; no user text may add an element.
            int allowed = tag.equals("a") ? 1 : 0;
            assertThat(found.getLength()).as("<%s> elements", tag).isEqualTo(allowed);
        }
        String text = page.getDocumentElement().getTextContent();
        assertThat(text).contains(SCRIPT_LABEL, "a\"b&c'd", IMAGE_FILE, "<b>head</b>", "<i>model</i>", "1\"><marquee>",
                "</td><a href=\"http://x\">t.csv", "line 3: </li><iframe src=x>\uFFFD", "<u>Ada</u>", "<object> 1",
                "2024-06-11 10:15:30 UTC");
        assertNoExternalResource(page);
    }

    @Test
    void theNumbersShownAreThoseOfTheJsonReportAndNothingIsLoaded() throws Exception {
        Path session = syntheticSession();
        Path labels = labelsFile();
        Path json = dir.resolve("evaluation.json");
        Path html = dir.resolve("evaluation.html");
        run("evaluate", "--session", session.toString(), "--labels", labels.toString(), "--out", json.toString());
        // No --format: the .html name chooses it.
        run("evaluate", "--session", session.toString(), "--labels", labels.toString(), "--out", html.toString());

        byte[] bytes = Files.readAllBytes(html);
        Document page = parse(bytes);
        Map<String, String> shown = new TreeMap<>();
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("data-key")) {
                assertThat(shown.put(element.getAttribute("data-key"), element.getTextContent()))
                        .as("key %s shown once", element.getAttribute("data-key")).isNull();
            }
        }
        Map<String, String> expected = expectedFromJson(JSON.readTree(json.toFile()));

        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(shown).isEqualTo(expected);
        assertNoExternalResource(page);
        String raw = new String(bytes, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("://", "<link", "url(", "@import");
        assertThat(raw).contains("SHA-256", "a".repeat(64), "ONNX Runtime 1.0", "the labels file",
                "Kappa corrects for chance", "not a diagnosis", "mean nothing medically", "Blind");
    }

    /** Every number of the JSON report, as the HTML page should show it, under the page's data-key. */
    private static Map<String, String> expectedFromJson(JsonNode report) {
        Map<String, String> expected = new TreeMap<>();
        List<JsonNode> models = new ArrayList<>();
        if (report.has("models")) {
            report.get("models").forEach(models::add);
        } else {
            models.add(report);
        }
        for (int m = 0; m < models.size(); m++) {
            Iterator<Map.Entry<String, JsonNode>> heads = models.get(m).get("heads").fields();
            while (heads.hasNext()) {
                Map.Entry<String, JsonNode> entry = heads.next();
                String key = "m" + m + "/" + entry.getKey() + "/";
                JsonNode head = entry.getValue();
                for (String field : List.of("n", "correct", "accuracy", "macro_f1", "kappa", "ece")) {
                    expected.put(key + field, shown(head.get(field)));
                }
                if (!head.get("accuracy_ci95").isNull()) {
                    expected.put(key + "accuracy_ci95/0", shown(head.get("accuracy_ci95").get(0)));
                    expected.put(key + "accuracy_ci95/1", shown(head.get("accuracy_ci95").get(1)));
                }
                expected.put(key + "without_result", shown(head.get("without_result").get("count")));
                if (head.has("truth_not_a_label")) {
                    expected.put(key + "truth_not_a_label", shown(head.get("truth_not_a_label").get("count")));
                }
                head.get("per_class").fields().forEachRemaining(label -> label.getValue().fields()
                        .forEachRemaining(stat -> expected.put(key + "per_class/" + label.getKey() + "/"
                                + stat.getKey(), shown(stat.getValue()))));
                JsonNode matrix = head.get("confusion").get("matrix");
                for (int i = 0; i < matrix.size(); i++) {
                    for (int j = 0; j < matrix.size(); j++) {
                        expected.put(key + "confusion/" + i + "/" + j, shown(matrix.get(i).get(j)));
                    }
                }
            }
        }
        report.get("agreement").fields().forEachRemaining(head -> {
            for (String field : List.of("photos", "unanimous", "kappa")) {
                expected.put("agreement/" + head.getKey() + "/" + field, shown(head.getValue().get(field)));
            }
        });
        expected.put("truth/photos", shown(report.get("truth").get("photos")));
        return expected;
    }

    private static String shown(JsonNode value) {
        if (value.isNull()) {
            return "undefined";
        }
        return value.isIntegralNumber() ? value.asText() : String.format(Locale.ROOT, "%.3f", value.asDouble());
    }

    private static void assertNoExternalResource(Document page) {
        NodeList all = page.getElementsByTagName("*");
        assertThat(all.getLength()).isGreaterThan(20);
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertThat(element.getTagName()).isNotIn("link", "script", "img", "iframe", "object", "embed", "image",
                    "use", "base", "form");
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String name = attributes.item(a).getNodeName().toLowerCase(Locale.ROOT);
                String value = attributes.item(a).getNodeValue();
                if (name.equals("src") || name.endsWith("href") || name.equals("action") || name.equals("xmlns")) {
                    assertThat(value).as("%s of <%s>", name, element.getTagName()).startsWith("#");
                }
                assertThat(name).as("event handler on <%s>", element.getTagName()).doesNotStartWith("on");
                if (name.equals("style")) {
                    assertThat(value).doesNotContain("url(");
                }
            }
        }
    }

    private static Document parse(byte[] html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html));
    }

    private Path syntheticSession() throws Exception {
        Random random = new Random(3L);
        Map<String, String> skin = new LinkedHashMap<>();
        for (int i = 0; i < 40; i += 2) {
            skin.put(String.format("p%02d.png", i), SyntheticSession.SKIN.get(random.nextInt(4)));
        }
        try (Session session = SyntheticSession.create(dir)) {
            SyntheticSession.analyse(session, skin);
            return session.file();
        }
    }

    private Path labelsFile() throws Exception {
        Random random = new Random(5L);
        StringBuilder csv = new StringBuilder(CsvRow.of(List.of("file", "skin_type", "hair_type")) + "\r\n");
        for (int i = 0; i < 40; i++) {
            csv.append(CsvRow.of(List.of(String.format("p%02d.png", i), SyntheticSession.SKIN.get(random.nextInt(4)),
                    i == 6 ? "bald" : SyntheticSession.HAIR.get(random.nextInt(3))))).append("\r\n");
        }
        csv.append(CsvRow.of(List.of("sub/q01.png", "dry", "wavy"))).append("\r\n");
        Path file = dir.resolve("truth.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int status = HaskiCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        assertThat(status).as("%s: %s", String.join(" ", args), err).isZero();
    }
}
