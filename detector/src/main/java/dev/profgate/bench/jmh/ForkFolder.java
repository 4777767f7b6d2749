package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.format.JmhBenchmark;
import dev.profgate.format.JmhResultReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Recorded forks: every {@code fork-NN.json} (a JMH result, which names its benchmark case) anywhere under a
 * folder, with its profile beside it ({@code fork-NN.jfr} or {@code fork-NN.pb.gz}) or, in a stored baseline's
 * layout ({@code jmh/} and {@code profiles/}), in the sibling {@code profiles/} folder. Reads the {@code base/} or
 * {@code head/} folder of an earlier run's {@code --forks-dir}, or a baseline saved from one case's folder, so a
 * side can be compared without running it again.
 */
public final class ForkFolder {
    private static final String FORK_RESULT = "fork-\\d+\\.json";

    private ForkFolder() {
    }

    /**
     * The forks of every case under {@code root}, each case in file-name order, their results read within
     * {@code limits}; {@code name} names it in errors.
     */
    public static Map<BenchmarkCase, List<Forks.ForkFiles>> read(Path root, String name, Limits limits) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(name, Files.exists(root) ? "not a folder" : "no such folder");
        }
        Map<BenchmarkCase, List<Forks.ForkFiles>> cases = new LinkedHashMap<>();
        for (Path result : results(root, name)) {
            cases.computeIfAbsent(caseOf(result, limits), c -> new ArrayList<>()).add(new Forks.ForkFiles(result,
                    profile(result)));
        }
        if (cases.isEmpty()) {
            throw new BadInputException(name, "holds no recorded forks (fork-NN.json JMH results)");
        }
        return cases;
    }

    /** The profile of the fork whose result is {@code result}, or null when none was recorded. */
    private static Path profile(Path result) {
        String stem = result.getFileName().toString().replace(".json", "");
        Path dir = result.getParent();
        Path stored = dir.resolveSibling("profiles").resolve(stem + ".pb.gz");
        for (Path candidate : List.of(dir.resolve(stem + ".jfr"), dir.resolve(stem + ".pb.gz"), stored)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static BenchmarkCase caseOf(Path result, Limits limits) {
        List<JmhBenchmark> results = JmhResultReader.read(result, limits);
        if (results.size() != 1) {
            throw new BadInputException(result.toString(), "expected the result of one benchmark, found "
                    + results.size());
        }
        return new BenchmarkCase(results.get(0).benchmark(), results.get(0).params());
    }

    private static List<Path> results(Path root, String name) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().matches(FORK_RESULT) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(name, "cannot list: " + e.getMessage(), e);
        }
    }
}
