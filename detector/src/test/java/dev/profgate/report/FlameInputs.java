package dev.profgate.report;

import dev.profgate.TestFiles;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.compare.CompareRun;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.config.Settings;
import dev.profgate.format.CollapsedReader;
import dev.profgate.model.Profile;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleMatcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Comparisons of real profiles for the flame graph tests: the Go regex fixture pair, a Go formatter's revert, and hostile
 * function names.
 */
final class FlameInputs {
    /** Names that try to break out of HTML, XML, JSON, Markdown; one line each and without ";" (collapsed stacks split frames there). */
    static final List<String> HOSTILE = List.of(
            "<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "<!--<script>alert(3)//",
            "a`b``c```d", "x|y||z", "@octocat please look", "\"quoted\" & 'single' &amp \\u003c",
            "evil\u202Egnp.exe", "]]></title><script>alert(4)</script>");

    private FlameInputs() {
    }

    /** The Go payments handler, v1 (regexp precompiled) against v2 (compiled per call), through the compare flow. */
    static ReportData goRegexPair() {
        return new CompareRun(List.of(TestFiles.fixturesPprof().resolve("go-payments-v1.cpu.pb.gz").toString()),
                List.of(TestFiles.fixturesPprof().resolve("go-payments-v2-regex-per-call.cpu.pb.gz").toString()),
                null, Settings.defaults(), null, null).execute();
    }

    /**
     * The fix of a Go template parsed per call, through the compare flow: 6 recorded runs of the variant as base, 6 of
     * the fixed build as head ({@code recordings/go}; {@code LargeChangeTest}'s revert).
     */
    static ReportData goFormatterRevert() {
        List<String> variant = TestFiles.list(TestFiles.recordings().resolve("go/formatter")).stream()
                .map(Object::toString).toList().subList(0, 6);
        List<String> fixed = TestFiles.list(TestFiles.recordings().resolve("go/same")).stream()
                .map(Object::toString).toList().subList(20, 26);
        return new CompareRun(variant, fixed, null, Settings.defaults(), null, null).execute();
    }

    /**
     * Three base and three head replicates read from collapsed stacks: {@code main;handle;work} unchanged, and one
     * frame per hostile name under {@code main;handle} that grows six-fold in head (each a significant regression).
     */
    static ReportData hostile() {
        List<Profile> base = replicates(10);
        List<Profile> head = replicates(60);
        Comparison comparison = ProfileComparator.compare(base, head, null, Policy.defaults());
        RuleCatalog catalog = RuleCatalogLoader.builtIn();
        return new ReportData(comparison, "hostile", catalog, new RuleMatcher(catalog).match(comparison, base, head));
    }

    private static List<Profile> replicates(int hostileSamples) {
        List<Profile> profiles = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            StringBuilder stacks = new StringBuilder("main;handle;work ").append(2000 + 7 * r).append('\n');
            for (String name : HOSTILE) {
                stacks.append("main;handle;").append(name).append(' ').append(hostileSamples + r).append('\n');
            }
            try {
                profiles.add(CollapsedReader.read(
                        new ByteArrayInputStream(stacks.toString().getBytes(StandardCharsets.UTF_8)), "r" + r));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return profiles;
    }
}
