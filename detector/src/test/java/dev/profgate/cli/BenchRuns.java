package dev.profgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Shared pieces of the bench end-to-end tests: small JMH settings (CI time matters), the report of a run, its
 * findings, and the processes still running from a fork folder (none may survive a run).
 */
final class BenchRuns {
    /** Four forks a side (the Mann-Whitney p can reach 0.02), one warmup and two measurement iterations of 0.5 s. */
    static final List<String> SMALL = List.of("--forks", "4", "--warmup-iterations", "1", "--warmup-time", "500ms",
            "--iterations", "2", "--time", "500ms");

    private BenchRuns() {
    }

    /** {@code profgate bench} with {@link #SMALL} settings and {@code args}. */
    static CliRun bench(String... args) {
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(SMALL);
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /**
     * {@code src/test/resources/jmh/recorded-forks/SIDE}: the base or head fork folders of one real run (see the
     * README there), to give as {@code --base DIR} or {@code --head DIR}.
     */
    static Path recordedForks(String side) {
        try {
            return Path.of(BenchRuns.class.getResource("/jmh/recorded-forks/" + side).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode report(Path out) throws IOException {
        return new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    }

    /** The findings of {@code profileType} in report order. */
    static List<JsonNode> findings(JsonNode report, String profileType) {
        return StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> f.get("profileType").asText().equals(profileType)).toList();
    }

    /** True when {@code finding}'s call path reaches {@code inner} through {@code outer} (outer nearer the root). */
    static boolean calledThrough(JsonNode finding, String outer, String inner) {
        List<String> path = StreamSupport.stream(finding.get("callPath").spliterator(), false).map(JsonNode::asText)
                .toList();
        int at = path.indexOf(outer);
        return at >= 0 && path.subList(at + 1, path.size()).contains(inner);
    }

    /** True when one of {@code findings} is explained by catalog rule {@code id}. */
    static boolean explainedBy(List<JsonNode> findings, String id) {
        return findings.stream().anyMatch(f -> StreamSupport.stream(f.get("rules").spliterator(), false)
                .anyMatch(rule -> rule.get("id").asText().equals(id)));
    }

    /** Command lines of live processes that mention {@code folder} (the fork JVMs and JMH hosts of a run use it). */
    static List<String> processesUsing(Path folder) {
        String needle = folder.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(command -> command.contains(needle)).toList();
    }
}
