package dev.profgate.analysis;

import java.util.List;

/**
 * A node of the differential call tree (function granularity), pruned for display: total shares per side,
 * the tested change, and whether this frame is the culprit of a finding.
 */
public record DiffNode(String function, double base, double head, double delta, Interval ci, double qValue,
                       boolean significant, boolean culprit, List<DiffNode> children) {
    public DiffNode {
        children = List.copyOf(children);
    }
}
