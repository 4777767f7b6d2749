package dev.profgate.model;

import java.util.function.Predicate;

/**
 * Keeps the part of a profile under chosen frames, like pprof's {@code -focus} followed by cutting the callers
 * away: only stacks that pass through a frame whose function matches are kept, each re-rooted at its outermost
 * matching frame (the frames above it are dropped). Self values and timeline samples move with their nodes.
 */
public final class ProfileFocus {
    private ProfileFocus() {
    }

    /** The part of {@code profile} under frames whose function name satisfies {@code focus}. */
    public static Profile under(Profile profile, Predicate<String> focus) {
        FrameTable frames = profile.frames();
        boolean[] matches = frames.matching(focus);
        CallTree source = profile.tree();
        CallTree focused = new CallTree(source.types());
        int[] map = new int[source.size()];
        map[CallTree.ROOT] = -1;
        for (int node = 1; node < source.size(); node++) {
            int above = map[source.parent(node)];
            int frame = source.frame(node);
            map[node] = above >= 0 ? focused.child(above, frame)
                    : matches[frame] ? focused.child(CallTree.ROOT, frame) : -1;
            for (int type = 0; type < source.types() && map[node] >= 0; type++) {
                focused.addSelf(map[node], type, source.self(node, type));
            }
        }
        Timeline timeline = profile.hasTimeline() ? profile.timeline().remapped(map) : profile.timeline();
        return new Profile(profile.source(), profile.header(), frames, focused, timeline);
    }
}
