package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.report.BrowserCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's pull-request comment as GitHub shows it: its Markdown (with the publisher's links) rendered by a GFM
 * renderer into a page of GitHub's comment width, styled like GitHub's comments, opened in headless Chromium
 * ({@link BrowserCheck}). Nothing may scroll or reach past the comment's edge, with the details closed or open.
 * The same for a bench run's comment (its golden copy). The screenshots stay in {@code target/browser}
 * ({@code pr-comment.png}, {@code pr-comment-open.png}, {@code bench-comment.png}, {@code bench-comment-open.png}).
 */
class CommentWidthTest {
    private static final List<Extension> GFM = List.of(TablesExtension.create());

    @TempDir
    Path tmp;

    @Test
    void theDemoCommentFitsGitHubsCommentColumnWithItsDetailsClosedOrOpen() throws Exception {
        Path report = PublishFixtures.failingReport(tmp.resolve("report"));
        JsonNode seen = open(Files.readString(report.resolve("report.md")), "pr-comment");
        assertEquals(1, seen.get("tables").intValue(), seen.toString());
        assertTrue(seen.get("details").intValue() >= 3, "full names, call tree and notes are folded: " + seen);
    }

    @Test
    void aBenchCommentFitsToo() throws Exception {
        String markdown = new String(CommentWidthTest.class.getResourceAsStream("/golden/bench/report.md")
                .readAllBytes(), StandardCharsets.UTF_8);
        JsonNode seen = open(markdown, "bench-comment");
        assertTrue(seen.get("tables").intValue() >= 2, "the scores and a findings table: " + seen);
    }

    /** Opens {@code markdown}, with the publisher's links, as GitHub shows it and checks that nothing overflows. */
    private JsonNode open(String markdown, String screenshot) throws Exception {
        BrowserCheck.require();
        String body = Bodies.withRepositoryLinks(markdown, PublishFixtures.BLOB_URL);
        String html = HtmlRenderer.builder().extensions(GFM).build()
                .render(Parser.builder().extensions(GFM).build().parse(body));
        String template = new String(CommentWidthTest.class.getResourceAsStream("/publish/github-comment.html")
                .readAllBytes(), StandardCharsets.UTF_8);
        Path page = tmp.resolve("comment.html");
        Files.writeString(page, template.replace("<!-- comment -->", html));

        JsonNode seen = BrowserCheck.run("comment-check.mjs", BrowserCheck.CHROMIUM, page.toString(),
                BrowserCheck.SCREENSHOTS.toString(), screenshot);
        assertEquals(894, seen.get("width").intValue(), "GitHub's 896-pixel comment box inside its borders");
        assertEquals("[]", seen.get("closed").toString(), "nothing scrolls or overflows as GitHub shows it");
        assertEquals("[]", seen.get("open").toString(), "nor with every detail open");
        assertEquals("[]", seen.get("errors").toString());
        assertEquals("[]", seen.get("requests").toString());
        return seen;
    }
}
