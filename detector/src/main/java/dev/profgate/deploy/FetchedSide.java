package dev.profgate.deploy;

import dev.profgate.model.Profile;
import java.util.List;

/** The replicates fetched for one side and what the report should say about them (windows used, left out). */
public record FetchedSide(List<Profile> replicates, List<String> notes) {
    public FetchedSide {
        replicates = List.copyOf(replicates);
        notes = List.copyOf(notes);
    }
}
