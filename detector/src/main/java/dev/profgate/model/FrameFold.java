package dev.profgate.model;

/**
 * Removes the frames of chosen functions from every stack, their samples and callees moving to the frame that called
 * them: for frames a runtime pushes onto a stack rather than calls, such as Go's {@code runtime.asyncPreempt}.
 */
public final class FrameFold {
    private FrameFold() {
    }

    /**
     * {@code profile} without the frames marked in {@code folded} (per frame id, as {@link FrameTable#matching} gives
     * them); itself when none is on a stack.
     */
    public static Profile without(Profile profile, boolean[] folded) {
        CallTree source = profile.tree();
        if (!onAnyNode(source, folded)) {
            return profile;
        }
        CallTree kept = new CallTree(source.types(), source.size());
        int[] map = new int[source.size()];
        for (int node = 0; node < source.size(); node++) {
            int frame = node == CallTree.ROOT ? -1 : source.frame(node);
            int above = node == CallTree.ROOT ? CallTree.ROOT : map[source.parent(node)];
            map[node] = frame < 0 || folded[frame] ? above : kept.child(above, frame);
            for (int type = 0; type < source.types(); type++) {
                kept.addSelf(map[node], type, source.self(node, type));
            }
        }
        Timeline timeline = profile.hasTimeline() ? profile.timeline().remapped(map) : profile.timeline();
        return new Profile(profile.source(), profile.header(), profile.frames(), kept, timeline);
    }

    private static boolean onAnyNode(CallTree tree, boolean[] folded) {
        for (int node = 1; node < tree.size(); node++) {
            if (folded[tree.frame(node)]) {
                return true;
            }
        }
        return false;
    }
}
