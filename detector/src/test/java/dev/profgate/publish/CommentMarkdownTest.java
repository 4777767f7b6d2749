package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.report.FlameGraphHtml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comment as GitHub would parse it (CommonMark with GFM tables): the marker stays an HTML comment, the findings
 * table keeps one row per finding, the call tree's details block survives, the only links are the report's own.
 */
class CommentMarkdownTest {
    private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create());

    @TempDir
    Path tmp;

    @Test
    void thePostedCommentParsesWithItsTableDetailsAndLinksIntact() throws Exception {
        try (GitHubApiMock github = new GitHubApiMock()) {
            Path report = PublishFixtures.failingReport(tmp.resolve("report"));
            GitHubPublisherTest.publish(report, PublishFixtures.pullRequestEnv(github, tmp), CommentMode.ALWAYS);
            String body = github.comments().get(0).get("body").textValue();
            Node document = Parser.builder().extensions(GFM).build().parse(body);

            int findings = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(report.resolve("report.json").toFile()).get("findings").size();
            List<Node> tables = blocks(document, TableBlock.class);
            assertEquals(1, tables.size());
            assertEquals(findings + 1, count(tables.get(0), TableRow.class), "a header row and one per finding");

            List<String> html = new ArrayList<>();
            blocks(document, HtmlBlock.class).forEach(b -> html.add(((HtmlBlock) b).getLiteral()));
            assertTrue(html.get(0).startsWith("<!-- profgate:gate=demo -->"), html.toString());
            assertTrue(html.stream().anyMatch(h -> h.startsWith("<details><summary>Differential call tree")), html
                    .toString());
            int tree = html.indexOf(html.stream().filter(h -> h.startsWith("<pre>")).findFirst().orElseThrow());
            assertTrue(html.get(tree).strip().endsWith("</pre>") && html.get(tree).contains("Pattern.compile"),
                    html.get(tree));
            assertEquals("</details>", html.get(tree + 1).strip());

            List<String> links = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    links.add(link.getDestination());
                }
            });
            assertEquals(List.of(PublishFixtures.BLOB_URL + "examples/payments-api/src/main/java/dev/profgate/examples/"
                    + "payments/CardValidator.java#L20",
                    "https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/regex/Pattern.html",
                    "https://github.example/acme/payments/actions/runs/555/artifacts/9",
                    "https://github.example/acme/payments/actions/runs/555"), links, "the caller's line at the head "
                    + "commit, the regex rule's reference, then the report artifact and the run");
            String rendered = HtmlRenderer.builder().extensions(GFM).build().render(document);
            assertTrue(rendered.contains("<td><code>Pattern.compile</code> ← <a href=\"" + PublishFixtures.BLOB_URL),
                    rendered);
            assertTrue(rendered.contains("<td>Regular expression compiled on every call</td>"), rendered);
        }
    }

    @Test
    void aServedReportFolderGetsItsFlameGraphLinkedOpenOnTheCulprit() throws Exception {
        try (GitHubApiMock github = new GitHubApiMock()) {
            Path report = PublishFixtures.failingReport(tmp.resolve("report"));
            GitHubPublisher.publish(report, GitHubEnvironment.from(PublishFixtures.pullRequestEnv(github, tmp)),
                    new PublishSettings(CommentMode.ALWAYS, GitHubPublisherTest.FAIL_ON_FAIL, null,
                            "https://reports.example/pr-7/"));
            String body = github.comments().get(0).get("body").textValue();
            assertTrue(body.contains("[Flame graph, opened on the culprit](<https://reports.example/pr-7/flamegraph.html"
                    + FlameGraphHtml.fragment("java.util.regex.Pattern.compile") + ">)"), body);
        }
    }

    @Test
    void linksThatCouldBreakOutOfTheirMarkdownAreLeftOut() {
        String body = Bodies.withLinks("x\n", "javascript:alert(1)", "https://e.x/a> [evil](javascript:alert(1))",
                "javascript:alert(1)");
        assertEquals("x\n", body);
        Node document = Parser.builder().build().parse(Bodies.withLinks("x\n", null, "https://e.x/a_(b)*c*",
                null));
        List<Node> emphasis = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Emphasis e) {
                emphasis.add(e);
            }

            @Override
            public void visit(StrongEmphasis e) {
                emphasis.add(e);
            }
        });
        assertEquals(List.of(), emphasis);
    }

    @Test
    void aCommentOverGitHubsLimitIsCutAtALineEnd() {
        String line = "| row |\n";
        String body = Bodies.fit(line.repeat(20_000), Bodies.MAX_CHARS);
        assertTrue(body.length() <= Bodies.MAX_CHARS, Integer.toString(body.length()));
        assertTrue(body.endsWith("the full report is in the report artifact.\n"), body.substring(body.length() - 100));
        assertTrue(body.substring(0, body.indexOf("\n\n…")).lines().allMatch("| row |"::equals));
    }

    private static List<Node> blocks(Node document, Class<?> type) {
        List<Node> found = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (type.isInstance(node)) {
                found.add(node);
            }
        }
        return found;
    }

    private static int count(Node root, Class<?> type) {
        int n = type.isInstance(root) ? 1 : 0;
        for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            n += count(child, type);
        }
        return n;
    }
}
