package dev.profgate.model;

import dev.profgate.base.BadInputException;
import java.util.List;

/**
 * Adds profiles of the same sample types into one (pprof's merge: stacks with the same frames add up), for windows
 * fetched in pieces. Profiles without sample types (an empty answer) are skipped; timelines are not kept.
 */
public final class ProfileMerge {
    private ProfileMerge() {
    }

    /** The sum of {@code parts} (at least one) named {@code source}; the first part with sample types gives the header. */
    public static Profile merge(String source, List<Profile> parts) {
        List<Profile> typed = parts.stream().filter(p -> !p.header().sampleTypes().isEmpty()).toList();
        if (typed.isEmpty()) {
            Profile first = parts.get(0);
            return new Profile(source, first.header(), first.frames(), first.tree(), null);
        }
        ProfileHeader header = typed.get(0).header();
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(header.sampleTypes().size());
        for (Profile part : typed) {
            if (!part.header().sampleTypes().equals(header.sampleTypes())) {
                throw new BadInputException(part.source(), "sample types " + part.header().sampleTypes()
                        + " differ from " + header.sampleTypes() + " of " + typed.get(0).source());
            }
            add(part, frames, tree);
        }
        return new Profile(source, header, frames, tree, null);
    }

    /** Adds every node of {@code part} to {@code tree}; a parent's index is below its children's, so one pass maps all. */
    private static void add(Profile part, FrameTable frames, CallTree tree) {
        int[] frameMap = frames.internAll(part.frames());
        CallTree source = part.tree();
        int[] nodeMap = new int[source.size()];
        nodeMap[CallTree.ROOT] = CallTree.ROOT;
        for (int node = 1; node < source.size(); node++) {
            nodeMap[node] = tree.child(nodeMap[source.parent(node)], frameMap[source.frame(node)]);
            for (int type = 0; type < source.types(); type++) {
                tree.addSelf(nodeMap[node], type, source.self(node, type));
            }
        }
    }
}
