package dev.profgate.cli;

import dev.profgate.analysis.Comparator;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Policy;
import dev.profgate.config.ConfigLoader;
import dev.profgate.model.Profile;
import dev.profgate.report.MarkdownReport;
import dev.profgate.report.ReportWriter;
import dev.profgate.source.ProfileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The compare flow without picocli: read the policy, load both sides (files, directories, globs; one replicate a
 * file), compare, and write the report folder. {@code type}, {@code config}, {@code out} and {@code gate} may be
 * null: the policy's or the profiles' default type, the default policy, no folder, the profile type as gate name.
 */
public record CompareRun(List<String> base, List<String> head, String type, Path config, Path out, String gate) {
    /** The policy file used when none is named: {@code profgate.yml} in the working directory. */
    public static final Path DEFAULT_CONFIG = Path.of("profgate.yml");

    public CompareRun {
        base = List.copyOf(base);
        head = List.copyOf(head);
    }

    /** {@code config} when given, else {@link #DEFAULT_CONFIG} when it exists, else null (the default policy). */
    public static Path configOrDefault(Path config) {
        return config != null || !Files.isRegularFile(DEFAULT_CONFIG) ? config : DEFAULT_CONFIG;
    }

    /** Runs the comparison; throws {@link dev.profgate.BadInputException} for unusable inputs. */
    public Result execute() {
        Policy policy = config == null ? Policy.defaults() : ConfigLoader.load(config);
        List<Profile> baseProfiles = ProfileLoader.load(base);
        List<Profile> headProfiles = ProfileLoader.load(head);
        Comparison comparison = Comparator.compare(baseProfiles, headProfiles, type, policy);
        String gateName = gate != null ? gate : MarkdownReport.defaultGate(comparison);
        if (out != null) {
            ReportWriter.writeAll(comparison, out, gateName);
        }
        return new Result(comparison, gateName);
    }

    /** The comparison and the gate name its reports carry. */
    public record Result(Comparison comparison, String gate) {
    }
}
