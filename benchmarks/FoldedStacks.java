import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import dev.profgate.source.ProfileLoader;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a profile's stacks as collapsed (folded) lines at function granularity, the stacks profgate's flame graph
 * draws, for async-profiler's converter. Run with the source launcher:
 * {@code java -cp detector/target/profgate.jar benchmarks/FoldedStacks.java PROFILE > out.collapsed}.
 */
public class FoldedStacks {
    public static void main(String[] args) throws Exception {
        Profile profile = ProfileLoader.load(List.of(args[0])).get(0);
        CallTree tree = profile.tree();
        long[] counts = profile.counts(profile.header().defaultType());
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            for (int node = 1; node < tree.size(); node++) {
                if (counts[node] > 0) {
                    StringBuilder line = new StringBuilder();
                    for (int frame : tree.path(node)) {
                        line.append(line.length() == 0 ? "" : ";").append(profile.frames().function(frame));
                    }
                    out.write(line.append(' ').append(counts[node]).append('\n').toString());
                }
            }
        }
    }
}
