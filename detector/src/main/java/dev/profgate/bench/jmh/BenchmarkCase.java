package dev.profgate.bench.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One benchmark method with one combination of its {@code @Param} values: the unit that runs in its own JMH
 * process per fork, so that each fork's profile holds that benchmark alone.
 */
public record BenchmarkCase(String benchmark, Map<String, String> params) {
    public BenchmarkCase {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** {@code benchmark} with its parameters, e.g. {@code a.B.run:size=10,mode=fast}. */
    public String id() {
        if (params.isEmpty()) {
            return benchmark;
        }
        return benchmark + ":" + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** A folder name for this case's fork files: {@link #id()} with unsafe characters replaced by {@code _}. */
    public String folderName() {
        return id().replaceAll("[^A-Za-z0-9._=,-]", "_");
    }

    /** The JMH arguments that select exactly this case: the anchored, quoted name and one {@code -p} per parameter. */
    public List<String> selector() {
        List<String> args = new ArrayList<>(List.of("^" + Pattern.quote(benchmark) + "$"));
        params.forEach((name, value) -> {
            args.add("-p");
            args.add(name + "=" + value);
        });
        return args;
    }
}
