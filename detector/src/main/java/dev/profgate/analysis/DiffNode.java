package dev.profgate.analysis;

import java.util.List;

/**
 * A node of the differential call tree (function granularity), pruned for display: total shares per side, their
 * difference {@code delta} with its interval, the tested {@code change} relative to the code that did not change (in
 * shares of base's total, as a finding's {@link Effect}), and whether this frame is the culprit of a finding.
 */
public record DiffNode(String function, double base, double head, double delta, Interval ci, double change,
                       double qValue, boolean significant, boolean culprit, List<DiffNode> children) {
    public DiffNode {
        children = List.copyOf(children);
    }
}
