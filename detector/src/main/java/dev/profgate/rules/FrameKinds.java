package dev.profgate.rules;

import dev.profgate.model.Dictionary;
import dev.profgate.model.FrameTable;

/**
 * What the rule matcher needs to know of each frame of one frame table: its function's id in a dictionary shared by
 * all profiles, whether it is library code and its language (null when unknown).
 */
record FrameKinds(int[] function, boolean[] library, Language[] language) {
    /** The kinds of every frame of {@code frames}, whose function ids in {@code functions} are {@code function}. */
    static FrameKinds of(FrameTable frames, int[] function, Dictionary functions, FrameFacts.Classifier classifier) {
        boolean[] library = new boolean[frames.size()];
        Language[] language = new Language[frames.size()];
        for (int frame = 0; frame < frames.size(); frame++) {
            library[frame] = classifier.isLibrary(function[frame], functions, frames.file(frame));
            language[frame] = Language.ofFile(frames.file(frame));
        }
        return new FrameKinds(function, library, language);
    }

    /** True when some frame is one of {@code functions}. */
    boolean hasAny(boolean[] functions) {
        for (int id : function) {
            if (functions[id]) {
                return true;
            }
        }
        return false;
    }
}
