package dev.profgate.source.remote;

import dev.profgate.base.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus-style label selector as Pyroscope and Parca take it, e.g.
 * {@code {service_name="payments-api", namespace="prod", pod=~"payments-.*"}}: its matchers, kept in order.
 * Kubernetes labels written by eBPF agents ({@code namespace}, {@code pod}, {@code container}) select the same way.
 */
public record LabelSelector(String text, List<LabelMatcher> matchers) {
    private static final Pattern MATCHER = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

    /** One matcher: label name, operator ({@code =}, {@code !=}, {@code =~}, {@code !~}) and value as written. */
    public record LabelMatcher(String name, String operator, String value) {
        @Override
        public String toString() {
            return name + operator + '"' + value + '"';
        }
    }

    public LabelSelector {
        matchers = List.copyOf(matchers);
    }

    /** Parses {@code text}; {@code option} names the input in errors. */
    public static LabelSelector parse(String text, String option) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new BadInputException(option, "not a label selector: '" + text + "' (expected {name=\"value\", ...})");
        }
        String body = trimmed.substring(1, trimmed.length() - 1).strip();
        List<LabelMatcher> matchers = new ArrayList<>();
        Matcher m = MATCHER.matcher(body);
        int at = 0;
        while (at < body.length()) {
            if (!m.find(at) || m.start() != at || m.end() == m.start()) {
                throw new BadInputException(option, "not a label selector: '" + text + "' (cannot read from '"
                        + body.substring(at) + "')");
            }
            matchers.add(new LabelMatcher(m.group(1), m.group(2), m.group(3)));
            at = m.end();
        }
        return new LabelSelector(trimmed, matchers);
    }

    /** The value of the first {@code name="value"} matcher, or null. */
    public String equalTo(String name) {
        return matchers.stream().filter(m -> m.name().equals(name) && m.operator().equals("="))
                .map(LabelMatcher::value).findFirst().orElse(null);
    }

    /** The selector without the matchers on {@code name}, as text. */
    public String without(String name) {
        return "{" + String.join(", ", matchers.stream().filter(m -> !m.name().equals(name))
                .map(LabelMatcher::toString).toList()) + "}";
    }

    @Override
    public String toString() {
        return text;
    }
}
