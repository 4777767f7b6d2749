package dev.profgate.report;

import dev.profgate.base.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A link every report shows for drilling down, e.g. the base window in the Pyroscope UI: a label and an absolute
 * http(s) URL (checked here, so no report ever carries a {@code javascript:} or relative link).
 */
public record ReportLink(String label, String url) {
    public ReportLink {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new BadInputException(label, "not an absolute http(s) URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new BadInputException(label, "not a URL: " + e.getMessage());
        }
    }
}
