package dev.profgate.cli;

import dev.profgate.compare.CompareRun;
import dev.profgate.config.Settings;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import dev.profgate.top.TopFormat;
import dev.profgate.top.TopTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code profgate top FILE}: the per-function flat/cum table of one profile, like {@code go tool pprof -top}. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = "Print every function's flat (self) and cum (total) value, sorted as go tool pprof -top.")
final class TopCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A profile: pprof, JFR or collapsed stacks (told by content).")
    private Path file;

    @Option(names = "--type", paramLabel = "T",
            description = "Sample type: cpu, samples, alloc_space, inuse_objects, delay, ... or an index "
                    + "(default: the profile's default type).")
    private String type;

    @Option(names = "--format", paramLabel = "text|tsv|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private TopFormat format;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Policy file whose limits: apply to the profile read and whose redact: rules apply to the "
                    + "names shown (default: ./profgate.yml if it exists).")
    private Path config;

    @Option(names = "--nodecount", paramLabel = "N", defaultValue = "0",
            description = "Show only the first N functions (default: all).")
    private int nodeCount;

    @Override
    public Integer call() {
        if (nodeCount < 0) {
            throw new ParameterException(spec.commandLine(), "--nodecount must not be negative: " + nodeCount);
        }
        Settings settings = Settings.load(CompareRun.configOrDefault(config));
        Profile profile = settings.redaction().apply(List.of(ProfileFormat.read(file, settings.limits()))).get(0);
        int column = profile.header().resolveType(type, profile.source());
        PrintWriter out = spec.commandLine().getOut();
        format.write(TopTable.of(profile, column, nodeCount), out);
        out.flush();
        return 0;
    }
}
