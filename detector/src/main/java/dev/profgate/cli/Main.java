package dev.profgate.cli;

import dev.profgate.base.Version;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code profgate} command line: subcommands are thin shells over the engine. */
@Command(name = "profgate", mixinStandardHelpOptions = true, versionProvider = Main.BuildVersion.class,
        description = "Profile-driven performance regression detector for CI/CD.")
public final class Main {
    /**
     * The subcommands by their {@code @Command} names (written out: reading the ten annotations at start-up costs
     * tens of milliseconds), in the order the usage help lists them.
     */
    static final List<Map.Entry<String, Class<?>>> COMMANDS = List.of(Map.entry("top", TopCommand.class),
            Map.entry("compare", CompareCommand.class), Map.entry("bench", BenchCommand.class),
            Map.entry("demo", DemoCommand.class), Map.entry("convert", ConvertCommand.class),
            Map.entry("baseline", BaselineCommand.class), Map.entry("publish", PublishCommand.class),
            Map.entry("deploy-check", DeployCheckCommand.class), Map.entry("quarterly", QuarterlyCommand.class),
            Map.entry("watch", WatchCommand.class),
            Map.entry("bisect", BisectCommand.class));

    public static void main(String[] args) {
        System.exit(getCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args.length > 0 ? args[0] : "").execute(args));
    }

    /** {@code --version}: the version and commit the build wrote into the jar. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.line()};
        }
    }

    /** The configured command line writing to {@code out} and {@code err}, for the launcher and for tests. */
    public static CommandLine getCommandLine(PrintWriter out, PrintWriter err) {
        return getCommandLine(out, err, "");
    }

    /**
     * The command line for arguments that start with {@code first}: with only that subcommand when it names one, as
     * picocli's model of every subcommand, built by reflection, costs a tenth of a second of CPU a run; else with all
     * of them, for the usage help and the suggestions for a mistyped name.
     */
    static CommandLine getCommandLine(PrintWriter out, PrintWriter err, String first) {
        List<Map.Entry<String, Class<?>>> named = COMMANDS.stream().filter(c -> c.getKey().equals(first)).toList();
        CommandLine cmd = new CommandLine(new Main());
        (named.isEmpty() ? COMMANDS : named).forEach(command -> cmd.addSubcommand(command.getValue()));
        cmd.setOut(out);
        cmd.setErr(err);
        ErrorHandler errors = new ErrorHandler();
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUnmatchedOptionsAllowedAsOptionParameters(false); // --formt is an unknown option, never a value
        return cmd;
    }
}
