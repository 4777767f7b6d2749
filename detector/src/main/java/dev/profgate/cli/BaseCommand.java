package dev.profgate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every leaf command shares: its picocli spec, the exit codes, where it prints, and usage errors (one line on
 * standard error and exit code {@value #EXIT_BAD_INPUT}, see {@link ErrorHandler}).
 */
public abstract class BaseCommand implements Callable<Integer> {
    /** Exit code of a run that passes. */
    public static final int EXIT_PASS = 0;
    /** Exit code of a run whose verdict fails the gate. */
    public static final int EXIT_REGRESSION = 1;
    /** Exit code for bad input or usage. */
    public static final int EXIT_BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    BaseCommand() {
    }

    /** The command's standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The command's standard error. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error of this command, to throw. */
    ParameterException usage(String message) {
        return usage(spec, message);
    }

    /** A usage error of {@code command}, to throw (for mixins, which know their command's spec). */
    static ParameterException usage(CommandSpec command, String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
