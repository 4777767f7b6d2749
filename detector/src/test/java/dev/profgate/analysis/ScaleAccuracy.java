package dev.profgate.analysis;

import dev.profgate.TestFiles;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the scale of a comparison ({@link UnchangedCode}) is from the truth on the recorded large changes
 * ({@code recordings/{go,jfr}/{regex,formatter}} against {@code same}, as {@link LargeChangeTest} draws them, both
 * ways): every run of a pool does the same requests, so work the change did not touch holds the same absolute CPU on
 * both sides, and its share's ratio, head over base, is the scale. The truth is the median of that ratio over a few
 * functions far from the change ({@link #FIXED_WORK}); they disagree among themselves by a few percent (the change
 * moves the collector, the caches, the JIT), which bounds what can be asked of an estimate.
 */
public final class ScaleAccuracy {
    /** Per language, functions whose work each run repeats and neither variant touches. */
    static final List<List<String>> FIXED_WORK = List.of(
            List.of("encoding/json.Unmarshal", "crypto/sha256.block", "main.(*handler).sign"),
            List.of("dev.profgate.examples.payments.JsonParser.parsePayment",
                    "dev.profgate.examples.payments.ResponseSigner.sign"));
    static final List<String> LANGUAGES = List.of("go", "jfr");
    static final List<String> VARIANTS = List.of("regex", "formatter");
    static final List<Integer> RUNS = List.of(1, 3, 6);
    private static final Pattern SCALE = Pattern.compile("in head it holds ([0-9.]+) times its share of base");

    private ScaleAccuracy() {
    }

    /** One comparison: the estimated scale and the fixed work's ratios (median first). */
    record Row(String pair, double scale, double truth, double[] fixedWork) {
        /** The estimate's error, in percent on the log scale (+: too high). */
        double errorPercent() {
            return 100 * Math.log(scale / truth);
        }
    }

    /** Prints the table: every recorded large change, then the demo ({@code baselines/demo}, the regex). */
    public static void main(String[] args) {
        Path recordings = TestFiles.recordings();
        System.out.println("| change | runs per side | direction | scale | fixed work (median; each) | error |");
        System.out.println("|---|---|---|---|---|---|");
        double sum = 0;
        double max = 0;
        int count = 0;
        for (int language = 0; language < LANGUAGES.size(); language++) {
            for (String variant : VARIANTS) {
                for (int runs : RUNS) {
                    for (boolean revert : new boolean[] {false, true}) {
                        Row row = measure(recordings, language, variant, runs, revert);
                        print(row, runs, revert ? "revert" : "forward");
                        sum += Math.abs(row.errorPercent());
                        max = Math.max(max, Math.abs(row.errorPercent()));
                        count++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nMean absolute error %.1f%%, largest %.1f%%, over %d comparisons.%n%n",
                sum / count, max, count);
        Path demo = TestFiles.repo().resolve("baselines/demo");
        print(measure(profiles(demo.resolve("base")), profiles(demo.resolve("head")), 1, "demo"), 6, "forward");
    }

    private static void print(Row row, int runs, String direction) {
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.3f | %.3f; %s | %+.1f%% |%n", row.pair(), runs, direction,
                row.scale(), row.truth(), Arrays.stream(row.fixedWork())
                        .mapToObj(r -> String.format(Locale.ROOT, "%.3f", r)).toList(), row.errorPercent());
    }

    /**
     * The scale of {@code runs} profiles of the pool {@code same} (from its 21st) against as many of {@code variant}
     * (from its first), reversed when {@code revert}.
     */
    static Row measure(Path recordings, int language, String variant, int runs, boolean revert) {
        Path pools = recordings.resolve(LANGUAGES.get(language));
        List<Profile> same = profiles(pools.resolve("same")).subList(20, 20 + runs);
        List<Profile> changed = profiles(pools.resolve(variant)).subList(0, runs);
        return measure(revert ? changed : same, revert ? same : changed, language,
                LANGUAGES.get(language) + " " + variant);
    }

    /** The scale of {@code base} against {@code head} and the fixed work's ratios ({@link #FIXED_WORK} of a language). */
    static Row measure(List<Profile> base, List<Profile> head, int language, String pair) {
        Comparison comparison = ProfileComparator.compare(base, head, null, Policy.defaults());
        List<String> fixed = FIXED_WORK.get(language);
        double[] ratios = new double[fixed.size()];
        for (int f = 0; f < ratios.length; f++) {
            ratios[f] = totalShare(head, fixed.get(f)) / totalShare(base, fixed.get(f));
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : Math.sqrt(sorted[sorted.length / 2 - 1] * sorted[sorted.length / 2]);
        return new Row(pair, scale(comparison), median, ratios);
    }

    /** The scale the comparison's note states; fails when the comparison did not estimate one. */
    static double scale(Comparison comparison) {
        for (String note : comparison.notes()) {
            Matcher matcher = SCALE.matcher(note);
            if (matcher.find()) {
                return Double.parseDouble(matcher.group(1));
            }
        }
        throw new IllegalStateException("no estimated scale in " + comparison.notes());
    }

    /** The share of the side's samples whose stack holds {@code function} (pprof's cum over flat sum). */
    private static double totalShare(List<Profile> side, String function) {
        long holding = 0;
        long all = 0;
        for (Profile profile : side) {
            Dictionary functions = new Dictionary();
            int type = profile.header().resolveType(null, profile.source());
            FunctionTotals totals = FunctionTotals.of(profile, profile.tree().selfValues(type), functions);
            int id = functions.find(function);
            holding += id < 0 ? 0 : totals.total(id);
            all += totals.grandTotal();
        }
        return (double) holding / all;
    }

    private static List<Profile> profiles(Path dir) {
        return TestFiles.list(dir).stream().filter(f -> f.toString().endsWith(".pb.gz")).map(ProfileFormat::read)
                .toList();
    }
}
