package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parameter values given on the command line ({@code --param size=10,100}, like JMH's {@code -p}) in place of the
 * values a benchmark declares: a jar's listed cases are expanded to them, recorded cases are filtered by them.
 */
public record ParamOverrides(Map<String, List<String>> values) {
    /** No overrides. */
    public static final ParamOverrides NONE = new ParamOverrides(Map.of());

    public ParamOverrides {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses {@code NAME=V1,V2} specs; a malformed one is bad input named by its {@code option}. */
    public static ParamOverrides parse(List<String> specs, String option) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String spec : specs) {
            int equals = spec.indexOf('=');
            if (equals <= 0 || equals == spec.length() - 1) {
                throw new BadInputException(option + " " + spec, "expected NAME=VALUE or NAME=V1,V2,...");
            }
            values.put(spec.substring(0, equals), List.of(spec.substring(equals + 1).split(",", -1)));
        }
        return new ParamOverrides(values);
    }

    /** Each listed case once per combination of the overriding values of the parameters it has. */
    public List<BenchmarkCase> expand(List<BenchmarkCase> listed) {
        Set<BenchmarkCase> cases = new LinkedHashSet<>();
        for (BenchmarkCase listedCase : listed) {
            List<Map<String, String>> combinations = List.of(listedCase.params());
            for (Map.Entry<String, List<String>> override : values.entrySet()) {
                if (listedCase.params().containsKey(override.getKey())) {
                    combinations = replaced(combinations, override.getKey(), override.getValue());
                }
            }
            combinations.forEach(params -> cases.add(new BenchmarkCase(listedCase.benchmark(), params)));
        }
        return List.copyOf(cases);
    }

    /** The recorded cases whose values of the overridden parameters are among the overriding ones. */
    public List<BenchmarkCase> filter(List<BenchmarkCase> recorded) {
        return recorded.stream().filter(c -> values.entrySet().stream().allMatch(o -> !c.params().containsKey(o.getKey())
                || o.getValue().contains(c.params().get(o.getKey())))).toList();
    }

    /** Refuses an override that no case of {@code cases} (as listed or recorded) has as a parameter. */
    public void requireKnown(List<BenchmarkCase> cases, String option) {
        for (String name : values.keySet()) {
            if (cases.stream().noneMatch(c -> c.params().containsKey(name))) {
                throw new BadInputException(option + " " + name, "no selected benchmark has this parameter");
            }
        }
    }

    private static List<Map<String, String>> replaced(List<Map<String, String>> combinations, String name,
                                                      List<String> newValues) {
        List<Map<String, String>> replaced = new ArrayList<>();
        for (Map<String, String> combination : combinations) {
            for (String value : newValues) {
                Map<String, String> next = new LinkedHashMap<>(combination);
                next.put(name, value);
                replaced.add(next);
            }
        }
        return replaced;
    }
}
