package dev.profgate.model;

import java.util.ArrayList;
import java.util.List;

/** Derived value columns of a profile. */
public final class ProfileColumns {
    private ProfileColumns() {
    }

    /**
     * {@code profile} with one more column, {@code type}, made the default: per stack the value of column
     * {@code running}, plus the value of column {@code waiting} moved onto a child frame named {@code waitFrame}
     * of the stack's leaf, so that time spent blocked shows as a frame of its own under the code that blocked
     * (the frame is interned into the profile's frame table). Missing columns count as zero. The result has no
     * timeline.
     */
    public static Profile withTime(Profile profile, SampleType type, String running, String waiting, String waitFrame) {
        ProfileHeader header = profile.header();
        int run = header.indexOf(running);
        int wait = header.indexOf(waiting);
        List<SampleType> types = new ArrayList<>(header.sampleTypes());
        types.add(type);
        int added = types.size() - 1;
        CallTree source = profile.tree();
        CallTree tree = new CallTree(types.size());
        for (int node = 1; node < source.size(); node++) {
            int copy = tree.child(source.parent(node), source.frame(node));
            for (int t = 0; t < source.types(); t++) {
                tree.addSelf(copy, t, source.self(node, t));
            }
            if (run >= 0) {
                tree.addSelf(copy, added, source.self(node, run));
            }
        }
        if (wait >= 0) {
            int frame = profile.frames().intern(waitFrame, "", 0);
            for (int node = 1; node < source.size(); node++) {
                long waited = source.self(node, wait);
                if (waited != 0) {
                    tree.addSelf(tree.child(node, frame), added, waited);
                }
            }
        }
        ProfileHeader extended = new ProfileHeader(types, added, header.periodType(), header.period(),
                header.timeNanos(), header.durationNanos());
        return new Profile(profile.source(), extended, profile.frames(), tree, null);
    }
}
