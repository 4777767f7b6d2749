package dev.profgate.cli;

import dev.profgate.top.TopFormat;
import dev.profgate.top.TopRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code profgate top FILE}: the per-function flat/cum table of one profile, like {@code go tool pprof -top}. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = "Print every function's flat (self) and cum (total) value, sorted as go tool pprof -top. The "
                + "settings file's limits apply to the profile read and its redact rules to the names shown.")
final class TopCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", description = "A profile: pprof, JFR or collapsed stacks (told by content).")
    private Path file;

    @Mixin
    private TypeMixin type;

    @Option(names = "--format", paramLabel = "text|tsv|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private TopFormat format;

    @Mixin
    private ConfigMixin config;

    @Option(names = "--nodecount", paramLabel = "N", defaultValue = "0",
            description = "Show only the first N functions (default: all).")
    private int nodeCount;

    @Override
    public Integer call() {
        if (nodeCount < 0) {
            throw usage("--nodecount must not be negative: " + nodeCount);
        }
        PrintWriter out = out();
        format.write(new TopRun(file, type.name, nodeCount, config.settings()).table(), out);
        out.flush();
        return EXIT_PASS;
    }
}
