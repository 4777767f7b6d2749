package dev.profgate.attribution;

import dev.profgate.analysis.SourceRef;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The source file and a line of every function of the head profiles, as their frames name them. */
public final class FrameSources {
    private final Map<String, SourceRef> byFunction = new HashMap<>();

    /** The first frame with a file of each function in {@code profiles}. */
    public FrameSources(List<Profile> profiles) {
        for (Profile profile : profiles) {
            FrameTable frames = profile.frames();
            for (int frame = 0; frame < frames.size(); frame++) {
                String file = frames.file(frame);
                if (file != null && !file.isEmpty()) {
                    byFunction.putIfAbsent(frames.function(frame), new SourceRef(file, frames.line(frame)));
                }
            }
        }
    }

    /** The file and line of {@code function}; file empty and line 0 when no frame names one. */
    public SourceRef of(String function) {
        return byFunction.getOrDefault(function, new SourceRef("", 0));
    }
}
