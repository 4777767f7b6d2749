package dev.profgate.cli;

import dev.profgate.base.Version;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code profgate} command line: subcommands are thin shells over the engine. */
@Command(name = "profgate", mixinStandardHelpOptions = true, version = "profgate " + Version.NUMBER,
        description = "Profile-driven performance regression detector for CI/CD.")
public final class Main {
    /** The subcommands, in the order the usage help lists them. */
    static final List<Class<?>> COMMANDS = List.of(TopCommand.class, CompareCommand.class, BenchCommand.class,
            DemoCommand.class, ConvertCommand.class, BaselineCommand.class, PublishCommand.class,
            DeployCheckCommand.class, QuarterlyCommand.class, BisectCommand.class);

    public static void main(String[] args) {
        System.exit(getCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args.length > 0 ? args[0] : "").execute(args));
    }

    /** The configured command line writing to {@code out} and {@code err}, for the launcher and for tests. */
    public static CommandLine getCommandLine(PrintWriter out, PrintWriter err) {
        return getCommandLine(out, err, "");
    }

    /**
     * The command line for arguments that start with {@code first}: with only that subcommand when it names one (
     * picocli's model of every subcommand, built by reflection, costs a tenth of a second of CPU a run), else with
     * all of them, for the usage help and the suggestions for a mistyped name.
     */
    static CommandLine getCommandLine(PrintWriter out, PrintWriter err, String first) {
        List<Class<?>> named = COMMANDS.stream()
                .filter(command -> command.getAnnotation(Command.class).name().equals(first)).toList();
        CommandLine cmd = new CommandLine(new Main());
        (named.isEmpty() ? COMMANDS : named).forEach(cmd::addSubcommand);
        cmd.setOut(out);
        cmd.setErr(err);
        ErrorHandler errors = new ErrorHandler();
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }
}
