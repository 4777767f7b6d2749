package dev.profgate.benchmarks;

import dev.profgate.model.CallTree;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic program: functions with Zipf-skewed popularity, a call graph (each function calls
 * 1-8 others, the first ones most often), and distinct call stacks of depth 10-60 drawn as random descents of
 * that graph. A stack frame is a call site: a function and the line of the call it makes (or, for the leaf, one
 * of a few lines where the sample hit), so the same function shows up under many frames, as in real profiles.
 */
final class SyntheticProgram {
    /** Call sites per function: sites 0..7 call a callee, sites 8..11 are lines where a leaf sample lands. */
    static final int SITES = 16;
    private static final int MAX_CALLEES = 8;
    private static final int LEAF_SITE = MAX_CALLEES;
    private static final int LEAF_LINES = 4;
    private static final int ROOTS = 6;
    private static final int MAX_ATTEMPTS_PER_STACK = 20;

    private final int functions;
    private final int[][] callees;
    private final CallTree stacks = new CallTree(1);
    private final int[] leaves;

    SyntheticProgram(int functions, int stackCount, int minDepth, int maxDepth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.functions = functions;
        this.callees = callGraph(functions, random);
        this.leaves = distinctStacks(stackCount, minDepth, maxDepth, random);
    }

    private static int[][] callGraph(int functions, SplittableRandom random) {
        ZipfTable popularity = ZipfTable.zipf(functions - ROOTS, 1.0);
        int[][] graph = new int[functions][];
        for (int f = 0; f < functions; f++) {
            graph[f] = new int[1 + random.nextInt(MAX_CALLEES)];
            for (int k = 0; k < graph[f].length; k++) {
                graph[f][k] = ROOTS + popularity.draw(random);
            }
        }
        return graph;
    }

    private int[] distinctStacks(int count, int minDepth, int maxDepth, SplittableRandom random) {
        ZipfTable roots = ZipfTable.zipf(ROOTS, 1.5);
        ZipfTable[] calleeChoice = new ZipfTable[MAX_CALLEES + 1];
        for (int n = 1; n <= MAX_CALLEES; n++) {
            calleeChoice[n] = ZipfTable.zipf(n, 1.6);
        }
        int[] found = new int[count];
        boolean[] isLeaf = new boolean[1024];
        int size = 0;
        for (int attempt = 0; size < count; attempt++) {
            if (attempt > (long) count * MAX_ATTEMPTS_PER_STACK) {
                throw new IllegalArgumentException("the call graph has too few distinct stacks for " + count);
            }
            int depth = minDepth + random.nextInt(maxDepth - minDepth + 1);
            int node = CallTree.ROOT;
            int function = roots.draw(random);
            for (int d = 1; d < depth; d++) {
                int k = calleeChoice[callees[function].length].draw(random);
                node = stacks.child(node, function * SITES + k);
                function = callees[function][k];
            }
            node = stacks.child(node, function * SITES + LEAF_SITE + random.nextInt(LEAF_LINES));
            if (node >= isLeaf.length) {
                isLeaf = Arrays.copyOf(isLeaf, Math.max(node + 1, isLeaf.length * 2));
            }
            if (!isLeaf[node]) {
                isLeaf[node] = true;
                found[size++] = node;
            }
        }
        return found;
    }

    int functions() {
        return functions;
    }

    /** Distinct stacks, as leaf nodes of {@link #tree()}, in the order they were drawn. */
    int[] leaves() {
        return leaves;
    }

    /** All stacks merged into one tree whose frame ids are call sites ({@code function * SITES + site}). */
    CallTree tree() {
        return stacks;
    }

    static int functionOf(int site) {
        return site / SITES;
    }

    static int lineOffsetOf(int site) {
        return site % SITES;
    }

    static String functionName(int function) {
        return function < ROOTS
                ? "runtime.entry" + function
                : "com.example.svc.pkg" + function % 97 + ".Type" + function % 13 + ".method" + function;
    }

    static String fileName(int function) {
        return function < ROOTS
                ? "runtime/entry.go"
                : "com/example/svc/pkg" + function % 97 + "/Type" + function % 13 + ".java";
    }
}
