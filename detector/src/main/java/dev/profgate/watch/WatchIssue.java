package dev.profgate.watch;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fingerprint of a regression's GitHub issue: service, function and the start of the change point's step, kept in
 * a hidden marker on the body's first line (service and function percent-encoded, so no name can end the comment).
 */
public record WatchIssue(String service, String function, Instant at) {
    private static final Pattern MARKER = Pattern.compile(
            "<!-- profgate:watch service=(\\S*) function=(\\S*) at=(\\S+) -->");

    /** The fingerprint of {@code point}. */
    static WatchIssue of(ChangePoint point) {
        return new WatchIssue(point.service(), point.finding().function(), point.at());
    }

    /** The fingerprint in the first line of {@code body}, if it has one. */
    static Optional<WatchIssue> parse(String body) {
        Matcher m = MARKER.matcher(body == null ? "" : body.lines().findFirst().orElse(""));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WatchIssue(decode(m.group(1)), decode(m.group(2)), Instant.parse(m.group(3))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The hidden marker line. */
    String marker() {
        return "<!-- profgate:watch service=" + encode(service) + " function=" + encode(function) + " at=" + at
                + " -->";
    }

    /** Whether {@code other} is the same function of the same service changing within {@code steps} of this. */
    boolean sameChange(WatchIssue other, Duration step, int steps) {
        return service.equals(other.service) && function.equals(other.function)
                && Duration.between(at, other.at).abs().compareTo(step.multipliedBy(steps)) <= 0;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
