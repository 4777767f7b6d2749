package dev.profgate.rules;

import dev.profgate.model.CallTree;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.TreeWalk;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One profile as the matcher reads it: per frame its {@link FrameKinds} (function id in a dictionary shared by all
 * profiles, library code or not, language), also as the arrays {@code function}, {@code library}, {@code language}; per node the sample counts of the compared type and the
 * depth; the nodes in depth-first preorder.
 */
final class FrameFacts {
    final Profile profile;
    final FrameKinds kinds;
    final int[] function;
    final boolean[] library;
    final Language[] language;
    final long[] counts;
    final long samples;
    final int[] preorder;
    final int[] depth;

    private FrameFacts(Profile profile, FrameKinds kinds, long[] counts) {
        this.profile = profile;
        this.kinds = kinds;
        this.function = kinds.function();
        this.library = kinds.library();
        this.language = kinds.language();
        this.counts = counts;
        this.samples = Arrays.stream(counts).sum();
        CallTree tree = profile.tree();
        this.preorder = new TreeWalk(tree).preorder();
        this.depth = new int[tree.size()];
        for (int node = 1; node < tree.size(); node++) {
            depth[node] = depth[tree.parent(node)] + 1;
        }
    }

    /** True when some frame of the profile is one of {@code functions}. */
    boolean hasAny(boolean[] functions) {
        return kinds.hasAny(functions);
    }

    /** The facts of {@code profile} for sample type {@code type}; null when the profile lacks the type. */
    static FrameFacts of(Profile profile, String type, Dictionary functions, Classifier classifier) {
        int column = profile.header().indexOf(type);
        if (column < 0) {
            return null;
        }
        FrameTable frames = profile.frames();
        return new FrameFacts(profile, FrameKinds.of(frames, frames.functionIds(functions), functions, classifier),
                profile.counts(column));
    }

    /** Library membership by function id and by file, each decided once. */
    static final class Classifier {
        private final Library library;
        private final Map<String, Boolean> files = new HashMap<>();
        private byte[] functions = new byte[256];

        Classifier(Library library) {
            this.library = library;
        }

        boolean isLibrary(int id, Dictionary names, String file) {
            if (id >= functions.length) {
                functions = Arrays.copyOf(functions, Math.max(id + 1, functions.length * 2));
            }
            if (functions[id] == 0) {
                functions[id] = (byte) (library.functions().matches(names.name(id)) ? 2 : 1);
            }
            return functions[id] == 2 || !file.isEmpty() && files.computeIfAbsent(file, library.files()::matches);
        }
    }
}
