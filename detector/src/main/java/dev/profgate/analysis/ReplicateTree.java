package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import dev.profgate.model.Dictionary;
import dev.profgate.model.Profile;
import dev.profgate.model.TreeWalk;
import java.util.Arrays;
import java.util.List;

/**
 * All replicates of both sides merged into one call tree at function granularity (a node is a path of function
 * names; its frame id is the function's id in {@link #functions()}), with sample counts per node and replicate in
 * one primitive array ({@code self[node * R + r]}). Replicates {@code 0..m-1} are base, the rest head.
 */
final class ReplicateTree {
    private final Dictionary functions;
    private final CallTree structure;
    private final TreeWalk walk;
    private final int[] position;
    private final int[] subtreeSize;
    private final long[] self;
    private final int replicates;
    private final int baseReplicates;

    private ReplicateTree(Dictionary functions, CallTree structure, long[] self, int replicates, int baseReplicates) {
        this.functions = functions;
        this.structure = structure;
        this.walk = new TreeWalk(structure);
        this.self = self;
        this.replicates = replicates;
        this.baseReplicates = baseReplicates;
        int size = structure.size();
        int[] preorder = walk.preorder();
        this.position = new int[size];
        for (int i = 0; i < size; i++) {
            position[preorder[i]] = i;
        }
        this.subtreeSize = new int[size];
        Arrays.fill(subtreeSize, 1);
        for (int node = size - 1; node > CallTree.ROOT; node--) {
            subtreeSize[structure.parent(node)] += subtreeSize[node];
        }
    }

    /** Merges the replicates; {@code counts.get(r)} are the sample counts per node of {@code profiles.get(r)}. */
    static ReplicateTree of(List<Profile> profiles, List<long[]> counts, int baseReplicates) {
        Dictionary functions = new Dictionary();
        CallTree structure = new CallTree(0);
        int[][] nodeMaps = new int[profiles.size()][];
        for (int r = 0; r < profiles.size(); r++) {
            nodeMaps[r] = mapNodes(profiles.get(r), functions, structure);
        }
        int replicates = profiles.size();
        long[] self = new long[structure.size() * replicates];
        for (int r = 0; r < replicates; r++) {
            long[] replicateCounts = counts.get(r);
            int[] map = nodeMaps[r];
            for (int node = 0; node < map.length; node++) {
                self[map[node] * replicates + r] += replicateCounts[node];
            }
        }
        return new ReplicateTree(functions, structure, self, replicates, baseReplicates);
    }

    private static int[] mapNodes(Profile profile, Dictionary functions, CallTree structure) {
        CallTree tree = profile.tree();
        int[] functionOfFrame = profile.frames().functionIds(functions);
        int[] map = new int[tree.size()];
        for (int node = 1; node < tree.size(); node++) {
            map[node] = structure.child(map[tree.parent(node)], functionOfFrame[tree.frame(node)]);
        }
        return map;
    }

    /** Per node and replicate: the counts of the node's subtree, leaving out masked nodes (null mask: none). */
    long[] inclusive(boolean[] mask) {
        int size = structure.size();
        long[] inclusive = new long[size * replicates];
        for (int node = 0; node < size; node++) {
            if (mask == null || !mask[node]) {
                System.arraycopy(self, node * replicates, inclusive, node * replicates, replicates);
            }
        }
        for (int node = size - 1; node > CallTree.ROOT; node--) {
            int from = node * replicates;
            int to = structure.parent(node) * replicates;
            for (int r = 0; r < replicates; r++) {
                inclusive[to + r] += inclusive[from + r];
            }
        }
        return inclusive;
    }

    /** Marks {@code node} and its whole subtree in {@code mask}. */
    void maskSubtree(int node, boolean[] mask) {
        int[] preorder = walk.preorder();
        int start = position[node];
        for (int i = start; i < start + subtreeSize[node]; i++) {
            mask[preorder[i]] = true;
        }
    }

    /** True when {@code ancestor} is {@code node} or lies on its path to the root. */
    boolean contains(int ancestor, int node) {
        return position[ancestor] <= position[node] && position[node] < position[ancestor] + subtreeSize[ancestor];
    }

    /** Function names from the root (exclusive) to {@code node}. */
    List<String> path(int node) {
        int[] ids = structure.path(node);
        String[] names = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            names[i] = functions.name(ids[i]);
        }
        return List.of(names);
    }

    int function(int node) {
        return structure.frame(node);
    }

    int parent(int node) {
        return structure.parent(node);
    }

    int size() {
        return structure.size();
    }

    int replicates() {
        return replicates;
    }

    int baseReplicates() {
        return baseReplicates;
    }

    Dictionary functions() {
        return functions;
    }

    TreeWalk walk() {
        return walk;
    }

    int subtreeSize(int node) {
        return subtreeSize[node];
    }

    long[] self() {
        return self;
    }
}
