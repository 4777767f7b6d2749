package dev.profgate.source.jmh;

import dev.profgate.BadInputException;
import dev.profgate.format.JmhResult;
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
 * The recorded forks of one side of an earlier run ({@code --forks-dir}'s {@code base/} or {@code head/} folder):
 * one folder per benchmark case, in it {@code fork-NN.json} (the JMH result, which names the case) and, when a
 * profiler ran, {@code fork-NN.jfr}. Lets a side be compared without running it again.
 */
public final class ForkFolder {
    private ForkFolder() {
    }

    /** The forks of every case in {@code side}, in fork order; {@code name} names the folder in errors. */
    public static Map<BenchmarkCase, List<Forks.ForkFiles>> read(Path side, String name) {
        String what = name + " " + side;
        if (!Files.isDirectory(side)) {
            throw new BadInputException(what, Files.exists(side) ? "not a folder" : "no such folder");
        }
        Map<BenchmarkCase, List<Forks.ForkFiles>> cases = new LinkedHashMap<>();
        for (Path dir : list(side, what)) {
            List<Path> results = list(dir, what).stream()
                    .filter(p -> p.getFileName().toString().matches("fork-\\d+\\.json")).toList();
            for (Path result : results) {
                Path profile = result.resolveSibling(result.getFileName().toString().replace(".json", ".jfr"));
                cases.computeIfAbsent(caseOf(result), c -> new ArrayList<>())
                        .add(new Forks.ForkFiles(result, Files.isRegularFile(profile) ? profile : null));
            }
        }
        if (cases.isEmpty()) {
            throw new BadInputException(what, "holds no recorded forks (CASE/fork-NN.json)");
        }
        return cases;
    }

    private static BenchmarkCase caseOf(Path result) {
        List<JmhResult> results = JmhResultReader.read(result);
        if (results.size() != 1) {
            throw new BadInputException(result.toString(), "expected the result of one benchmark, found "
                    + results.size());
        }
        return new BenchmarkCase(results.get(0).benchmark(), results.get(0).params());
    }

    private static List<Path> list(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(what, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
