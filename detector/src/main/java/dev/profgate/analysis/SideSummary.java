package dev.profgate.analysis;

import java.util.List;

/** One side (base or head) of a comparison: how many replicates, how many samples, from which inputs. */
public record SideSummary(int replicates, long samples, List<String> sources) {
    public SideSummary {
        sources = List.copyOf(sources);
    }
}
