package dev.profgate.attribution;

import dev.profgate.analysis.Finding;
import java.util.List;

/**
 * The changes behind one finding: the application frame the finding was traced to ({@code frame}, in repository file
 * {@code path}, body {@code span}; empty/null when no frame of the call path is in the repository), the suspects
 * ranked strongest first, and, when there is none, why ({@code note}: "no matching change ...").
 */
public record Attribution(Finding finding, String frame, String path, FunctionSpan span, List<Suspect> suspects,
                          String note) {
    public Attribution {
        suspects = List.copyOf(suspects);
    }

    /** The suspects of high or medium confidence: the ones whose pull requests are told. */
    public List<Suspect> implicated() {
        return suspects.stream().filter(s -> s.confidence() != Confidence.LOW).toList();
    }
}
