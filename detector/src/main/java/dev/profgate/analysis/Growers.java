package dev.profgate.analysis;

import java.util.List;

/** The growers of a quarter, largest change first, and how they were tested. */
public record Growers(GrowthMethod method, List<Growth> list) {
    public Growers {
        list = List.copyOf(list);
    }
}
