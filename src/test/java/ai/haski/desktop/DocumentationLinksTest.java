package ai.haski.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and the reference pages link to each other and to files of the repository: every relative link must
 * lead to a file that exists, and a {@code #anchor} to a heading of that file (GitHub's heading ids). The README must
 * also stay short enough for a newcomer to read; the reference belongs in {@code docs/}.
 */
class DocumentationLinksTest {
    /** "Two screens": the README holds the first ten minutes, everything else is linked from it. */
    static final int README_MAX_LINES = 130;

    @Test
    void everyRelativeLinkResolvesToAFileAndItsAnchorToAHeading() throws IOException {
        Path repo = TestFiles.repo().toAbsolutePath().normalize();
        List<Path> documents = documents(repo);
        assertThat(documents).contains(repo.resolve("README.md"), repo.resolve("models/README.md"));

        LinkChecker checker = new LinkChecker(repo);
        for (Path document : documents) {
            checker.check(document);
        }

        assertTrue(checker.broken.isEmpty(), () -> checker.broken.size() + " broken link(s) in the documentation ("
                + checker.checked + " relative links checked):\n  " + String.join("\n  ", checker.broken));
        assertThat(checker.checked).as("relative links checked").isGreaterThan(10);
    }

    @Test
    void theReadmeStaysShort() throws IOException {
        List<String> lines = Files.readAllLines(TestFiles.repo().resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(lines.size() <= README_MAX_LINES, () -> "README.md has " + lines.size() + " lines, over its budget of "
                + README_MAX_LINES + ": it is what a newcomer needs in the first ten minutes. Reference (options, "
                + "formats, the session model, serve, packaging, images) belongs in a page under docs/, linked from it.");
    }

    @Test
    void theCheckerFindsBrokenLinksAndAnchorsButNotCodeOrWebLinks(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("b.md"), """
                # B: the other page
                ## Where things live (`data`)
                ## Repeated
                ## Repeated
                Title
                -----
                """);
        Files.createDirectories(repo.resolve("pics"));
        Files.write(repo.resolve("pics/shot one.png"), new byte[] {1});
        Path a = repo.resolve("a.md");
        Files.writeString(a, """
                # A page
                [fine](b.md) and [anchor](b.md#where-things-live-data) and [second](b.md#repeated-1),
                [setext](./b.md#title), [self](#a-page), ![picture](pics/shot%20one.png "a title"),
                [web](https://example.org/x.md) [mail](mailto:someone@example.org) [dir](pics/)
                [missing](missing.md) [bad anchor](b.md#nowhere) [outside](../elsewhere/x.md)
                See [the other page][other] and [undefined][nope]; `[in code](nope.md)` is not a link.

                ```
                [in a fence](nope.md)
                ```

                [other]: b.md#b-the-other-page
                """);

        LinkChecker checker = new LinkChecker(repo);
        checker.check(a);

        assertThat(checker.broken).containsExactly(
                "a.md:5: missing.md: no such file",
                "a.md:5: b.md#nowhere: no heading 'nowhere' in b.md",
                "a.md:5: ../elsewhere/x.md: leads outside the repository",
                "a.md:6: [undefined][nope]: no link definition [nope]");
        assertThat(checker.checked).isEqualTo(11);
    }

    @Test
    void headingIdsFollowGitHub() {
        assertThat(LinkChecker.slug("The local analysis API (`serve`)")).isEqualTo("the-local-analysis-api-serve");
        assertThat(LinkChecker.slug("A session of 10,000 photos")).isEqualTo("a-session-of-10000-photos");
        assertThat(LinkChecker.slug("Importing a model: `models import`")).isEqualTo("importing-a-model-models-import");
        assertThat(LinkChecker.slug("Folder sessions (desktop) ##")).isEqualTo("folder-sessions-desktop");
        assertThat(LinkChecker.slug("See [models](models/README.md) and_more")).isEqualTo("see-models-and_more");
    }

    /** README.md, docs/*.md, models/README.md and every .md under packaging/. */
    static List<Path> documents(Path repo) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(repo.resolve("README.md"));
        try (Stream<Path> docs = Files.list(repo.resolve("docs"))) {
            docs.filter(DocumentationLinksTest::isMarkdown).sorted().forEach(documents::add);
        }
        documents.add(repo.resolve("models/README.md"));
        try (Stream<Path> packaging = Files.walk(repo.resolve("packaging"))) {
            packaging.filter(DocumentationLinksTest::isMarkdown).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static boolean isMarkdown(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".md");
    }

    /** Finds the relative links of Markdown files and says which do not resolve. */
    static final class LinkChecker {
        /** {@code ](target)} or {@code ](target "title")}: the end of an inline link or image. */
        private static final Pattern INLINE = Pattern.compile(
                "\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^)]*\\)))?\\s*\\)");
        /** {@code [text][label]} or {@code [label][]}: a reference-style link. */
        private static final Pattern REFERENCE = Pattern.compile("\\[([^\\[\\]]+)\\]\\[([^\\[\\]]*)\\]");
        /** {@code [label]: target}: a link definition, on a line of its own. */
        private static final Pattern DEFINITION = Pattern.compile(
                "^ {0,3}\\[([^\\[\\]]+)\\]:\\s*(<[^>]*>|\\S+)(?:\\s+.*)?$");
        /** {@code src="..."} or {@code href="..."} in inline HTML. */
        private static final Pattern HTML = Pattern.compile("<(?:img|a)\\s[^>]*?(?:src|href)=\"([^\"]+)\"");
        private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*)$");
        private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
        private static final Pattern HTML_ID = Pattern.compile("<a\\s[^>]*?(?:id|name)=\"([^\"]+)\"");
        private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
        private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
        private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

        private final Path repo;
        private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();
        final List<String> broken = new ArrayList<>();
        int checked;

        LinkChecker(Path repo) {
            this.repo = repo.toAbsolutePath().normalize();
        }

        /** Checks every link of one Markdown file, adding what does not resolve to {@link #broken}. */
        void check(Path document) throws IOException {
            Path file = document.toAbsolutePath().normalize();
            List<String> lines = proseLines(file);
            Set<String> definitions = new HashSet<>();
            for (String line : lines) {
                Matcher definition = DEFINITION.matcher(line);
                if (definition.matches()) {
                    definitions.add(normaliseLabel(definition.group(1)));
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = repo.relativize(file) + ":" + (i + 1) + ": ";
                Matcher definition = DEFINITION.matcher(line);
                if (definition.matches()) {
                    checkTarget(file, where, definition.group(2));
                    continue;
                }
                for (Matcher m = INLINE.matcher(line); m.find(); ) {
                    checkTarget(file, where, m.group(1));
                }
                for (Matcher m = HTML.matcher(line); m.find(); ) {
                    checkTarget(file, where, m.group(1));
                }
                for (Matcher m = REFERENCE.matcher(line); m.find(); ) {
                    String label = m.group(2).isEmpty() ? m.group(1) : m.group(2);
                    if (!definitions.contains(normaliseLabel(label))) {
                        broken.add(where + m.group() + ": no link definition [" + label + "]");
                    }
                }
            }
        }

        private void checkTarget(Path from, String where, String rawTarget) throws IOException {
            String target = rawTarget.startsWith("<") ? rawTarget.substring(1, rawTarget.length() - 1) : rawTarget;
            if (target.isEmpty() || SCHEME.matcher(target).find()) {
                return; // web, mail and other absolute URLs are not this test's business
            }
            checked++;
            int hash = target.indexOf('#');
            String pathPart = decode(hash < 0 ? target : target.substring(0, hash));
            String anchor = hash < 0 ? null : decode(target.substring(hash + 1));
            Path resolved;
            if (pathPart.isEmpty()) {
                resolved = from;
            } else if (pathPart.startsWith("/")) {
                resolved = repo.resolve(pathPart.substring(1)).normalize();
            } else {
                resolved = from.getParent().resolve(pathPart).normalize();
            }
            if (!resolved.startsWith(repo)) {
                broken.add(where + rawTarget + ": leads outside the repository");
                return;
            }
            if (!Files.exists(resolved)) {
                broken.add(where + rawTarget + ": no such file");
                return;
            }
            if (anchor != null && !anchor.isEmpty() && Files.isRegularFile(resolved)
                    && resolved.getFileName().toString().endsWith(".md")
                    && !anchors(resolved).contains(anchor.toLowerCase(Locale.ROOT))) {
                broken.add(where + rawTarget + ": no heading '" + anchor + "' in " + repo.relativize(resolved));
            }
        }

        /** The ids GitHub gives the headings of a Markdown file (duplicates get -1, -2, ...), and HTML anchors. */
        private Set<String> anchors(Path file) throws IOException {
            Set<String> known = anchorsByFile.get(file);
            if (known != null) {
                return known;
            }
            Set<String> ids = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            List<String> lines = rawProseLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String heading = null;
                Matcher atx = ATX_HEADING.matcher(line);
                if (atx.matches()) {
                    heading = atx.group(1);
                } else if (i > 0 && SETEXT_UNDERLINE.matcher(line).matches() && !lines.get(i - 1).isBlank()
                        && !ATX_HEADING.matcher(lines.get(i - 1)).matches()) {
                    heading = lines.get(i - 1);
                }
                if (heading != null) {
                    String slug = slug(heading);
                    int count = seen.merge(slug, 1, Integer::sum);
                    ids.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
                for (Matcher m = HTML_ID.matcher(line); m.find(); ) {
                    ids.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
            anchorsByFile.put(file, ids);
            return ids;
        }

        /**
         * GitHub's heading id: the heading's text (links become their text, markup and closing #s go), lower-cased,
         * spaces to '-', every other character that is not a letter, a digit, '-' or '_' dropped.
         */
        static String slug(String heading) {
            String text = heading.strip().replaceAll("\\s+#+$", "");
            text = text.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
            text = text.toLowerCase(Locale.ROOT);
            StringBuilder slug = new StringBuilder();
            text.codePoints().forEach(c -> {
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                    slug.appendCodePoint(c);
                } else if (c == ' ') {
                    slug.append('-');
                }
            });
            return slug.toString();
        }

        /** The file's lines outside fenced code blocks, with code spans blanked (their text is never a link). */
        private static List<String> proseLines(Path file) throws IOException {
            List<String> lines = rawProseLines(file);
            lines.replaceAll(line -> CODE_SPAN.matcher(line).replaceAll(m -> " ".repeat(m.group().length())));
            return lines;
        }

        /** The file's lines, each line of a fenced code block (fences included) replaced by an empty one. */
        private static List<String> rawProseLines(Path file) throws IOException {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            String fence = null;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FENCE.matcher(lines.get(i));
                if (fence == null && m.find()) {
                    fence = m.group(1);
                    lines.set(i, "");
                } else if (fence != null) {
                    if (lines.get(i).strip().startsWith(fence)) {
                        fence = null;
                    }
                    lines.set(i, "");
                }
            }
            return lines;
        }

        private static String normaliseLabel(String label) {
            return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }

        /** Percent-decoding as a browser does for a path ('+' stays '+'). */
        private static String decode(String s) {
            if (s.indexOf('%') < 0) {
                return s;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < s.length(); ) {
                if (s.charAt(i) == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                        && Character.digit(s.charAt(i + 2), 16) >= 0) {
                    bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 3;
                } else {
                    int c = s.codePointAt(i);
                    bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                    i += Character.charCount(c);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
