package dev.profgate.publish;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown bodies GitHub accepts: the report's links appended (only http(s) URLs without spaces or angle brackets,
 * so a URL cannot break out of its link), cut to GitHub's size limits at a line end.
 */
public final class Bodies {
    /** GitHub's limit for an issue or comment body and for a check run summary, in characters. */
    public static final int MAX_CHARS = 65_535;
    private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>\\\\]+");
    /** A link to a repository line as the reports write it: a relative, percent-encoded path and {@code #L} line. */
    private static final Pattern REPO_LINK = Pattern.compile("\\]\\(([A-Za-z0-9%._~/@!$&'*+,;=-]+#L[0-9]+)\\)");
    private static final String CUT = "\n\n… cut to fit GitHub's size limit; the full report is in the report artifact.\n";

    private Bodies() {
    }

    /**
     * {@code markdown} followed by links to the flame graph opened on the culprit, the report artifact and the
     * workflow run (any may be null, and is then left out).
     */
    static String withLinks(String markdown, String flameGraphUrl, String artifactUrl, String runUrl) {
        String links = links("Flame graph, opened on the culprit", flameGraphUrl, "Full report", artifactUrl,
                "Workflow run", runUrl);
        return links.isEmpty() ? markdown : markdown + "\n" + links + "\n";
    }

    /**
     * Links separated by {@code ·} from pairs of a label (trusted text) and a URL; a null URL, or one that is not a
     * safe http(s) URL, is left out. Empty when none is left.
     */
    public static String links(String... labelsAndUrls) {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i + 1 < labelsAndUrls.length; i += 2) {
            link(links, labelsAndUrls[i], labelsAndUrls[i + 1]);
        }
        return links.toString();
    }

    /**
     * {@code markdown} with its links to repository lines ({@code path#L20}, relative) made absolute under
     * {@code blobUrl}, the repository's files at the head commit (see {@link GitHubEnvironment#blobUrl}).
     */
    static String withRepositoryLinks(String markdown, String blobUrl) {
        return REPO_LINK.matcher(markdown).replaceAll(link -> Matcher.quoteReplacement("](" + blobUrl
                + link.group(1) + ")"));
    }

    /** {@code text} unchanged when it fits in {@code limit} characters, else cut at a line end with a note. */
    public static String fit(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = text.lastIndexOf('\n', limit - CUT.length());
        return text.substring(0, Math.max(end, 0)) + CUT;
    }

    private static void link(StringBuilder links, String label, String url) {
        if (url == null || !SAFE_URL.matcher(url).matches()) {
            return;
        }
        links.append(links.length() == 0 ? "" : " · ").append('[').append(label).append("](<").append(url)
                .append(">)");
    }
}
