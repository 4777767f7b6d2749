package dev.profgate.source.remote;

import dev.profgate.model.Profile;
import dev.profgate.model.ProfileMerge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the fake servers hold: profiles scraped at points in time, each with its labels and profile type, selected
 * by label matchers and a time range as Pyroscope and Parca select them.
 */
public final class ProfileStore {
    /** One scraped profile. */
    record Scrape(Map<String, String> labels, String type, long timeMs, Profile profile) {
    }

    private final List<Scrape> scrapes = new ArrayList<>();

    public synchronized void add(Map<String, String> labels, String type, long timeMs, Profile profile) {
        scrapes.add(new Scrape(Map.copyOf(labels), type, timeMs, profile));
    }

    /** The merged profile of {@code type} matching {@code selector} in [start, end), or null when nothing matches. */
    public synchronized Profile select(String type, String selector, long startMs, long endMs) {
        List<Profile> parts = scrapes.stream().filter(s -> s.type().equals(type) && matches(s, selector)
                && s.timeMs() >= startMs && s.timeMs() < endMs).map(Scrape::profile).toList();
        return parts.isEmpty() ? null : ProfileMerge.merge("merged", parts);
    }

    /**
     * As Pyroscope's SelectSeries grouped by one label: per value of {@code label} among the scrapes of {@code type}
     * matching {@code selector} in [start, end), the sum of their default column per step of {@code stepMs} from
     * {@code start}, a point at each step's start (a scrape without the label counts under the value "").
     */
    synchronized Map<String, TreeMap<Long, Double>> series(String type, String selector, String label, long startMs,
                                                           long endMs, long stepMs) {
        Map<String, TreeMap<Long, Double>> series = new TreeMap<>();
        for (Scrape s : scrapes) {
            if (s.type().equals(type) && matches(s, selector) && s.timeMs() >= startMs && s.timeMs() < endMs) {
                long point = startMs + (s.timeMs() - startMs) / stepMs * stepMs;
                double total = s.profile().tree().total(s.profile().header().defaultType());
                series.computeIfAbsent(s.labels().getOrDefault(label, ""), v -> new TreeMap<>())
                        .merge(point, total, Double::sum);
            }
        }
        return series;
    }

    synchronized List<String> types() {
        return new ArrayList<>(new TreeSet<>(scrapes.stream().map(Scrape::type).toList()));
    }

    /** Values of label {@code name}, or of the profile type for {@code __profile_type__}, among matching scrapes. */
    synchronized List<String> values(String name, List<String> selectors, long startMs, long endMs) {
        TreeSet<String> values = new TreeSet<>();
        for (Scrape s : scrapes) {
            boolean inRange = startMs == 0 && endMs == 0 || s.timeMs() >= startMs && s.timeMs() < endMs;
            if (inRange && selectors.stream().allMatch(sel -> matches(s, sel))) {
                String value = name.equals("__profile_type__") ? s.type() : s.labels().get(name);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return new ArrayList<>(values);
    }

    private static boolean matches(Scrape scrape, String selector) {
        for (LabelSelector.LabelMatcher m : LabelSelector.parse(selector, "selector").matchers()) {
            String value = scrape.labels().getOrDefault(m.name(), "");
            boolean ok = switch (m.operator()) {
                case "=" -> value.equals(m.value());
                case "!=" -> !value.equals(m.value());
                case "=~" -> Pattern.matches(m.value(), value);
                default -> !Pattern.matches(m.value(), value);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
