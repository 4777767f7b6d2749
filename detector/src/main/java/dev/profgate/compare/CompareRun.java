package dev.profgate.compare;

import dev.profgate.base.Workers;
import dev.profgate.config.Settings;
import dev.profgate.report.ReportData;
import dev.profgate.source.BaselineStore;
import dev.profgate.source.Side;
import java.nio.file.Path;
import java.util.List;

/**
 * The compare flow without picocli: with the policy and redaction of {@code settings}, load both sides (files,
 * directories, globs, one replicate a file; or a stored {@code baseline:NAME} from {@code store}) and redact their
 * names, compare, state how the sides' environments differ, match the rule catalog, and write the report folder.
 * {@code type}, {@code out} and {@code gate} may be null: the policy's or the profiles' default type, no folder, the
 * profile type as gate name.
 */
public record CompareRun(List<String> base, List<String> head, String type, Settings settings, Path out, String gate,
                         Path store) {
    public CompareRun {
        base = List.copyOf(base);
        head = List.copyOf(head);
    }

    /** A run whose baselines come from the {@link BaselineStore#DEFAULT_ROOT default store}. */
    public CompareRun(List<String> base, List<String> head, String type, Settings settings, Path out, String gate) {
        this(base, head, type, settings, out, gate, BaselineStore.DEFAULT_ROOT);
    }

    /** Runs the comparison; throws {@link dev.profgate.base.BadInputException} for unusable inputs. */
    public ReportData execute() {
        return compare().report();
    }

    /** Runs the comparison and keeps the head side (for attribution); the two sides are read in parallel. */
    public CompareResult compare() {
        ComparePipeline pipeline = new ComparePipeline(type, out, gate, settings);
        BaselineStore baselines = new BaselineStore(store, settings.limits());
        List<Side> sides = Workers.map(List.of(base, head), 2, specs -> Side.load(specs, baselines));
        return pipeline.compare(sides.get(0), sides.get(1), List.of(), List.of());
    }
}
