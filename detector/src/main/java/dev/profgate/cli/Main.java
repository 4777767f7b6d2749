package dev.profgate.cli;

import dev.profgate.base.Version;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code profgate} command line: subcommands are thin shells over the engine. */
@Command(name = "profgate", mixinStandardHelpOptions = true, versionProvider = Main.BuildVersion.class,
        description = "Profile-driven performance regression detector for CI/CD.",
        subcommands = {TopCommand.class, CompareCommand.class, BenchCommand.class, DemoCommand.class,
                ConvertCommand.class, BaselineCommand.class, PublishCommand.class, DeployCheckCommand.class,
                QuarterlyCommand.class, BisectCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(getCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
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
        CommandLine cmd = new CommandLine(new Main());
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
