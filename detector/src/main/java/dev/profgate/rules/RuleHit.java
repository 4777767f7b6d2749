package dev.profgate.rules;

import dev.profgate.analysis.SourceRef;

/**
 * A rule that explains a finding: the rule's id, title, advice and link; the expensive {@code frame} the change runs
 * through; the application frame that calls it ({@code caller}, the nearest frame above it that is not library code;
 * the frame itself when it is application code; empty when the stack holds none) and where that call is in source
 * ({@code source}: file empty and line 0 when the profile does not tell); and {@code delta}, the change of the share
 * of samples running through the frame under the finding (head minus base, a fraction).
 */
public record RuleHit(String id, String title, String advice, String link, String frame, String caller,
                      SourceRef source, double delta) {
}
