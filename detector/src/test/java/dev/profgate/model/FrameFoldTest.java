package dev.profgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import dev.profgate.format.CollapsedReader;
import dev.profgate.format.ProfileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Folding frames into their callers: a small folded-stacks profile and a real Go run with asyncPreempt. */
class FrameFoldTest {
    private static final String PREEMPT = "runtime.asyncPreempt";

    @Test
    void movesAFoldedFramesSamplesAndCalleesToItsCaller() throws IOException {
        Profile profile = CollapsedReader.read(new ByteArrayInputStream("""
                main;work 10
                main;work;runtime.asyncPreempt 4
                main;work;runtime.asyncPreempt;runtime.asyncPreempt2 1
                main;other;runtime.asyncPreempt 2
                """.getBytes(StandardCharsets.UTF_8)), "test");
        Profile folded = fold(profile);
        assertEquals(profile.tree().total(0), folded.tree().total(0));
        assertEquals(14, self(folded, "work"));
        assertEquals(2, self(folded, "other"));
        assertEquals(1, self(folded, "runtime.asyncPreempt2"));
        assertEquals("work", folded.frames().function(folded.tree().frame(folded.tree().parent(node(folded,
                "runtime.asyncPreempt2")))));
        assertEquals(-1, node(folded, PREEMPT));
        assertSame(folded, fold(folded));
    }

    @Test
    void chargesARecordedGoRunsPreemptionSamplesToTheFunctionsItInterrupted() {
        Profile run = ProfileFormat.read(TestFiles.recordings().resolve("go/same/08.pb.gz"));
        int cpu = run.header().indexOf("samples");
        long preempted = self(run, PREEMPT, cpu);
        long underFraudScore = selfUnder(run, PREEMPT, "main.fraudScore", cpu);
        assertTrue(preempted > run.tree().total(cpu) / 10, preempted + " of " + run.tree().total(cpu));
        Profile folded = fold(run);
        assertEquals(run.tree().total(cpu), folded.tree().total(cpu));
        assertEquals(0, self(folded, PREEMPT, cpu));
        assertEquals(self(run, "main.fraudScore", cpu) + underFraudScore, self(folded, "main.fraudScore", cpu));
    }

    /** Counting from samples with the frame's function ids set below 0 gives the fold's numbers, without a tree. */
    @Test
    void countsFromSamplesFoldTheFramesAsTheTreeDoes() {
        Profile run = ProfileFormat.read(TestFiles.recordings().resolve("go/same/08.pb.gz"));
        int cpu = run.header().indexOf("samples");
        Dictionary functions = new Dictionary();
        StackSamples samples = StackSamples.of(run, "samples");
        int[] functionOfFrame = samples.frames().functionIds(functions);
        for (int frame = 0; frame < samples.frames().size(); frame++) {
            functionOfFrame[frame] = samples.frames().function(frame).equals(PREEMPT) ? -1 : functionOfFrame[frame];
        }
        FunctionTotals fromSamples = FunctionTotals.of(samples, functionOfFrame, functions.size());
        Profile folded = fold(run);
        FunctionTotals fromTree = FunctionTotals.of(folded, folded.counts(cpu), functions);
        assertEquals(0, fromSamples.total(functions.find(PREEMPT)));
        assertEquals(fromTree.grandTotal(), fromSamples.grandTotal());
        for (int f = 0; f < functions.size(); f++) {
            assertEquals(fromTree.self(f), fromSamples.self(f), functions.name(f));
            assertEquals(fromTree.total(f), fromSamples.total(f), functions.name(f));
        }
    }

    private static Profile fold(Profile profile) {
        return FrameFold.without(profile, profile.frames().matching(PREEMPT::equals));
    }

    private static long self(Profile profile, String function) {
        return self(profile, function, 0);
    }

    private static long self(Profile profile, String function, int type) {
        CallTree tree = profile.tree();
        long sum = 0;
        for (int n = 1; n < tree.size(); n++) {
            sum += profile.frames().function(tree.frame(n)).equals(function) ? tree.self(n, type) : 0;
        }
        return sum;
    }

    /** Self samples of {@code function}'s nodes whose caller is {@code caller}. */
    private static long selfUnder(Profile profile, String function, String caller, int type) {
        CallTree tree = profile.tree();
        long sum = 0;
        for (int n = 1; n < tree.size(); n++) {
            int parent = tree.parent(n);
            boolean match = profile.frames().function(tree.frame(n)).equals(function) && parent != CallTree.ROOT
                    && profile.frames().function(tree.frame(parent)).equals(caller);
            sum += match ? tree.self(n, type) : 0;
        }
        return sum;
    }

    private static int node(Profile profile, String function) {
        CallTree tree = profile.tree();
        for (int n = 1; n < tree.size(); n++) {
            if (profile.frames().function(tree.frame(n)).equals(function)) {
                return n;
            }
        }
        return -1;
    }
}
