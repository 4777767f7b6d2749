package dev.profgate.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.base.BadInputException;
import dev.profgate.source.remote.LabelSelector;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window and selector of an Alertmanager webhook payload ({@code version 4}: {@code alerts[]} with
 * {@code status}, {@code labels}, {@code startsAt}, {@code endsAt}): the firing alerts (all when none fires), each
 * mapped to a selector by a template whose {@code $label} and {@code ${label}} are replaced by its label values; they
 * must map to one selector. The window runs from the earliest start to the latest end; an end not set
 * ({@code 0001-01-01T00:00:00Z} while firing) or after now is now.
 */
public record AlertWindow(LabelSelector selector, Instant start, Instant end) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)}|\\$([a-zA-Z_][a-zA-Z0-9_]*)");

    /** The window of the payload {@code json} (named {@code name}) with the selector {@code template}, at now. */
    public static AlertWindow of(byte[] json, String name, String template, Instant now) {
        if (template == null) {
            throw new BadInputException("--alert", "set watch.alert.selector in profgate.yml (or --selector), e.g. "
                    + "'{service_name=\"$service\"}', to map the alert's labels to a selector");
        }
        List<JsonNode> alerts = alerts(read(json, name), name);
        TreeSet<String> selectors = new TreeSet<>();
        Instant start = null;
        Instant end = null;
        for (JsonNode alert : alerts) {
            selectors.add(selector(template, labels(alert), name));
            Instant from = time(alert, "startsAt", name);
            Instant to = alert.hasNonNull("endsAt") ? time(alert, "endsAt", name) : now;
            to = to.isAfter(from) && to.isBefore(now) ? to : now;
            start = start == null || from.isBefore(start) ? from : start;
            end = end == null || to.isAfter(end) ? to : end;
        }
        if (selectors.size() > 1) {
            throw new BadInputException(name, "the alerts map to " + selectors.size() + " selectors " + selectors
                    + ": send one alert group per service (group_by in Alertmanager's route)");
        }
        if (!end.isAfter(start)) {
            throw new BadInputException(name, "the alert starts at " + start + ", not before now (" + now + ")");
        }
        return new AlertWindow(LabelSelector.parse(selectors.first(), "watch.alert.selector"), start, end);
    }

    private static JsonNode read(byte[] json, String name) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException(name, "not an Alertmanager webhook payload: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read the alert payload: " + e.getMessage());
        }
    }

    private static List<JsonNode> alerts(JsonNode payload, String name) {
        JsonNode alerts = payload == null ? null : payload.get("alerts");
        if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
            throw new BadInputException(name, "not an Alertmanager webhook payload: no alerts[]");
        }
        List<JsonNode> firing = new ArrayList<>();
        alerts.forEach(a -> {
            if ("firing".equals(a.path("status").asText())) {
                firing.add(a);
            }
        });
        List<JsonNode> all = new ArrayList<>();
        alerts.forEach(all::add);
        return firing.isEmpty() ? all : firing;
    }

    private static Map<String, String> labels(JsonNode alert) {
        Map<String, String> labels = new TreeMap<>();
        alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static String selector(String template, Map<String, String> labels, String name) {
        Matcher matcher = LABEL.matcher(template);
        StringBuilder selector = new StringBuilder();
        while (matcher.find()) {
            String label = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = labels.get(label);
            if (value == null) {
                throw new BadInputException(name, "an alert has no label '" + label + "', which the selector "
                        + template + " uses; its labels: " + String.join(", ", labels.keySet()));
            }
            matcher.appendReplacement(selector, Matcher.quoteReplacement(value.replace("\\", "\\\\")
                    .replace("\"", "\\\"")));
        }
        return matcher.appendTail(selector).toString();
    }

    private static Instant time(JsonNode alert, String field, String name) {
        String text = alert.path(field).asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(name, "alerts[]." + field + " is not an RFC 3339 time: '" + text + "'");
        }
    }
}
