package dev.profgate.bench;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;

/**
 * The per-function comparison of one profile type of one benchmark (the core engine's, the forks as replicates),
 * with the factors that turn a share into a cost per operation: {@code cost per op = share × scale}, the scale
 * being the side's median cost per operation (see {@link BenchComparator}); {@code perOpUnit} is null when the
 * forks' costs per operation are unknown.
 */
public record ProfileComparison(Comparison comparison, String perOpUnit, double baseScale, double headScale) {
    /** True when findings have a cost per operation. */
    public boolean perOperation() {
        return perOpUnit != null;
    }

    /** The base cost per operation attributed to the function of {@code finding}. */
    public double basePerOp(Finding finding) {
        return finding.base() * baseScale;
    }

    /** The head cost per operation attributed to the function of {@code finding}. */
    public double headPerOp(Finding finding) {
        return finding.head() * headScale;
    }
}
