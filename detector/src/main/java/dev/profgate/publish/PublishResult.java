package dev.profgate.publish;

import dev.profgate.analysis.Verdict;
import java.util.List;

/**
 * What publishing did: the report's verdict, the PR comment's outcome ({@code created}, {@code updated},
 * {@code unchanged}, {@code skipped}) and address, the check run's address, the number of annotations sent, and the
 * warnings to show the user (a read-only token, no git checkout). Addresses are null when nothing was posted.
 */
public record PublishResult(Verdict verdict, String comment, String commentUrl, String checkRunUrl, int annotations,
                            List<String> warnings) {
    public PublishResult {
        warnings = List.copyOf(warnings);
    }
}
