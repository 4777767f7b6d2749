package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import dev.profgate.source.Baseline;
import dev.profgate.source.GitCommit;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code profgate baseline save --name NAME --from DIR}: stores a folder of profiles and JMH results as a baseline. */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = {"Save the profiles (JFR, pprof, collapsed) and JMH result JSON files of a folder as a baseline.",
                "Profiles are stored as gzipped pprof holding only stacks, values and timestamps: a JFR recording's "
                        + "environment variables, system properties and JVM arguments are never stored; JMH results "
                        + "are stored without the java path and JVM arguments. Run it on the machine that recorded "
                        + "the profiles: the manifest records this machine and JVM (the JMH results' JVM if any)."})
final class BaselineSaveCommand extends BaseCommand {
    @Mixin
    private StoreMixin store;

    @Mixin
    private ConfigMixin config;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Baseline name: letters, digits, '.', '_', '-'.")
    private String name;

    @Option(names = "--from", required = true, paramLabel = "DIR",
            description = "Folder of profiles (one replicate each) and JMH result files (*.json).")
    private Path from;

    @Option(names = "--service", paramLabel = "S", description = "Service the profiles are of.")
    private String service;

    @Option(names = "--commit", paramLabel = "SHA",
            description = "Git commit profiled (default: git rev-parse HEAD in the working directory, if any).")
    private String commit;

    @Option(names = "--replace", description = "Replace an existing baseline of that name.")
    private boolean replace;

    @Override
    public Integer call() {
        if (commit != null && !GitCommit.isHash(commit)) {
            throw new BadInputException("--commit " + commit, "not a commit hash (7 to 64 hex digits)");
        }
        Baseline baseline = store.store(config.settings().limits()).save(name, from, service,
                commit != null ? commit : GitCommit.head(), replace);
        PrintWriter out = out();
        out.println("saved baseline " + name + " in " + baseline.dir() + ": " + baseline.manifest().profiles().size()
                + " profiles (" + BaselineListCommand.types(baseline.manifest()) + "), "
                + baseline.manifest().jmhResults().size() + " JMH result files, commit "
                + BaselineListCommand.orDash(baseline.manifest().commit()));
        out.flush();
        return EXIT_PASS;
    }
}
