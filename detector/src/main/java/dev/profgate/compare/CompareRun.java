package dev.profgate.compare;

import dev.profgate.report.ReportData;
import dev.profgate.source.BaselineStore;
import dev.profgate.source.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The compare flow without picocli: read the policy, load both sides (files, directories, globs, one replicate a
 * file; or a stored {@code baseline:NAME} from {@code store}) and redact their names, compare, state how the sides'
 * environments differ, match the rule catalog, and write the report folder. {@code type}, {@code config},
 * {@code out} and {@code gate} may be null: the policy's or the profiles' default type, the default policy, no
 * folder, the profile type as gate name.
 */
public record CompareRun(List<String> base, List<String> head, String type, Path config, Path out, String gate,
                         Path store) {
    /** The policy file used when none is named: {@code profgate.yml} in the working directory. */
    public static final Path DEFAULT_CONFIG = Path.of("profgate.yml");

    public CompareRun {
        base = List.copyOf(base);
        head = List.copyOf(head);
    }

    /** A run whose baselines come from the {@link BaselineStore#DEFAULT_ROOT default store}. */
    public CompareRun(List<String> base, List<String> head, String type, Path config, Path out, String gate) {
        this(base, head, type, config, out, gate, BaselineStore.DEFAULT_ROOT);
    }

    /** {@code config} when given, else {@link #DEFAULT_CONFIG} when it exists, else null (the default policy). */
    public static Path configOrDefault(Path config) {
        return config != null || !Files.isRegularFile(DEFAULT_CONFIG) ? config : DEFAULT_CONFIG;
    }

    /** Runs the comparison; throws {@link dev.profgate.base.BadInputException} for unusable inputs. */
    public ReportData execute() {
        return analyse().report();
    }

    /** Runs the comparison and keeps the head side (for attribution). */
    public Analysed analyse() {
        Analysis analysis = Analysis.load(type, config, out, gate);
        BaselineStore baselines = new BaselineStore(store, analysis.settings().limits());
        return analysis.analyse(Side.load(base, baselines), Side.load(head, baselines), List.of(), List.of());
    }
}
